// `block_on` on a tokio runtime or handle kept in a field blocks the worker
// that calls it from async code. Near misses: a field of another type with
// a `block_on` method, and the same call in sync code.
use std::sync::Arc;

use tokio::runtime::{Handle, Runtime};

pub struct Facade {
    rt: Runtime,
    handle: Arc<Handle>,
    exec: Executor,
}

pub struct Executor;

impl Executor {
    pub fn block_on<F: std::future::Future>(&self, _fut: F) {}
}

impl Facade {
    pub async fn refresh(&self) {
        self.rt.block_on(load()); //~ blocking_call_in_async
        self.handle.block_on(load()); //~ blocking_call_in_async
        self.exec.block_on(load());
    }

    pub fn refresh_blocking(&self) {
        self.rt.block_on(load());
    }
}

async fn load() {}
