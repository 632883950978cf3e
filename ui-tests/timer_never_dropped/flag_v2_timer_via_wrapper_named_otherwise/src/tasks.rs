use std::future::Future;

use tracing::Instrument;

/// A spawn wrapper whose name does not say `spawn`: it spawns its
/// parameter and drops the handle.
pub fn detach<F>(label: &'static str, fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(fut.instrument(tracing::info_span!("task", label)));
}

/// Not a spawn wrapper: it awaits its parameter.
pub async fn run_inline<F: Future<Output = ()>>(fut: F) {
    fut.await;
}

/// Not a spawn wrapper: it keeps its parameter for later.
pub fn enqueue<F>(queue: &mut Vec<std::pin::Pin<Box<F>>>, fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    queue.push(Box::pin(fut));
}
