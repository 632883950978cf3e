use std::sync::OnceLock;

use tokio::runtime::Runtime;

static RUNTIME: OnceLock<Runtime> = OnceLock::new();

/// The agent's shared runtime, for the life of the process.
pub fn runtime() -> &'static Runtime {
    RUNTIME.get_or_init(|| Runtime::new().expect("a runtime"))
}

/// A runtime of its own for the caller.
pub fn owned_runtime() -> Runtime {
    Runtime::new().expect("a runtime")
}
