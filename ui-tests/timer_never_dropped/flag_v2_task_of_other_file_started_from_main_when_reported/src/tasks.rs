// A spawn wrapper: it spawns the future it is given and drops the handle.
pub fn spawn_named<F>(name: &'static str, fut: F)
where
    F: std::future::Future<Output = ()> + Send + 'static,
{
    tracing::debug!(name, "spawning");
    tokio::spawn(fut);
}
