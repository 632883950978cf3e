use std::future::Future;

/// Runs `fut` in the background.
pub fn detach<F>(fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(fut);
}

/// Runs `fut` to completion here.
pub async fn inline<F: Future<Output = ()>>(fut: F) {
    fut.await
}
