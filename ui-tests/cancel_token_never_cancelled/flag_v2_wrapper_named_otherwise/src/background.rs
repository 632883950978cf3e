use std::future::Future;

/// A spawn wrapper whose name does not say `spawn`.
pub fn detach<F>(label: &'static str, fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    tracing::debug!(label, "detaching");
    tokio::spawn(fut);
}
