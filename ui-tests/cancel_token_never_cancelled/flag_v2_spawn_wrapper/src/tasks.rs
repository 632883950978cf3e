use std::future::Future;

/// A spawn wrapper: it spawns its parameter and drops the handle.
pub fn spawn_named<F>(name: &str, fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    let _ = name;
    tokio::spawn(fut);
}

/// Not a spawn wrapper: it awaits its parameter.
pub async fn run_inline<F: Future<Output = ()>>(fut: F) {
    fut.await;
}

/// A spawn wrapper that takes a closure making the future.
pub fn spawn_with<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(make());
}

/// Waits for its token.
pub async fn watch(token: tokio_util::sync::CancellationToken) {
    token.cancelled().await;
}
