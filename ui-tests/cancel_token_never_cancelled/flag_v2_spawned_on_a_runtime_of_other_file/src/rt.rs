use std::sync::OnceLock;

use tokio::runtime::{Builder, Handle, Runtime};

static BACKGROUND: OnceLock<Runtime> = OnceLock::new();

// Shared: a task spawned on it outlives the caller.
pub fn background() -> &'static Runtime {
    BACKGROUND.get_or_init(|| Builder::new_multi_thread().enable_all().build().unwrap())
}

pub fn handle() -> Handle {
    background().handle().clone()
}

// Owned by the caller: dropping it ends its tasks.
pub fn scratch() -> Runtime {
    Builder::new_current_thread().enable_all().build().unwrap()
}

pub struct Pool;

impl Pool {
    pub fn spawn<F>(&self, _job: F) {}
}

// Not a runtime: a `.spawn` of its own.
pub fn pool() -> Pool {
    Pool
}
