// block_on inside async code: blocks the worker, or panics inside tokio.
use futures::executor;
use tokio::runtime::{Builder, Handle, Runtime};

pub async fn sync_bridge(key: String) -> Option<String> {
    executor::block_on(lookup(key)) //~ blocking_call_in_async
}

pub async fn nested_runtime() -> u64 {
    let rt = Runtime::new().unwrap();
    rt.block_on(async { compute().await }) //~ blocking_call_in_async
}

pub async fn on_current_handle() {
    Handle::current().block_on(flush()); //~ blocking_call_in_async
}

pub async fn handle_binding() {
    let handle = tokio::runtime::Handle::current();
    handle.block_on(flush()); //~ blocking_call_in_async
}

pub async fn built_runtime() {
    let rt = Builder::new_current_thread().enable_all().build().expect("runtime");
    rt.block_on(flush()); //~ blocking_call_in_async
}

pub async fn other_executors() {
    futures::executor::block_on(flush()); //~ blocking_call_in_async
    pollster::block_on(flush()); //~ blocking_call_in_async
    async_std::task::block_on(flush()); //~ blocking_call_in_async
}

/// Parameters typed as a tokio runtime or handle.
pub async fn with_runtime(rt: &Runtime) -> u64 {
    rt.block_on(compute()) //~ blocking_call_in_async
}

pub async fn with_shared_runtime(rt: std::sync::Arc<tokio::runtime::Runtime>, handle: Handle) {
    rt.block_on(flush()); //~ blocking_call_in_async
    handle.block_on(flush()); //~ blocking_call_in_async
}
