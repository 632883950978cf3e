use std::future::Future;

/// The library's spawn wrapper: spawns its argument and drops the handle.
pub fn spawn_bg<F>(fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(fut);
}
