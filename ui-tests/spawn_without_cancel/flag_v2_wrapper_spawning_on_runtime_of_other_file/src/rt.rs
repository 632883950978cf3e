use std::sync::OnceLock;

use tokio::runtime::{Handle, Runtime};

static RT: OnceLock<Runtime> = OnceLock::new();

/// The process's shared runtime.
pub fn runtime() -> &'static Runtime {
    RT.get_or_init(|| Runtime::new().expect("runtime"))
}

/// A handle to the shared runtime.
pub fn handle() -> Handle {
    runtime().handle().clone()
}

/// A runtime of its own: the caller owns it.
pub fn fresh() -> Runtime {
    Runtime::new().expect("runtime")
}
