use std::future::Future;

/// Runs `fut` in the background and forgets it.
pub fn detach<F>(fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(fut);
}
