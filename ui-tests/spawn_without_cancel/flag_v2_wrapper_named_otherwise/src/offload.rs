/// Runs blocking work on the blocking pool, handle dropped.
pub fn offload<F>(what: &'static str, work: F)
where
    F: FnOnce() + Send + 'static,
{
    tracing::debug!(what, "offloading");
    tokio::task::spawn_blocking(work);
}
