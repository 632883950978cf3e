use std::future::Future;

/// A spawn wrapper of the library: spawns its argument and drops the
/// handle.
pub fn spawn_named<F>(name: &'static str, fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    let _ = name;
    tokio::spawn(fut);
}

/// Near miss: keeps the handle for its caller.
pub fn spawn_kept<F>(fut: F) -> tokio::task::JoinHandle<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(fut)
}
