use std::future::Future;

/// Spawns `fut` as a named task, detached.
pub fn spawn_named<F>(name: &'static str, fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    tracing::debug!(name, "spawning");
    tokio::spawn(fut);
}
