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

/// Not a spawn wrapper: it returns the handle.
pub fn spawn_kept<F>(fut: F) -> tokio::task::JoinHandle<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(fut)
}
