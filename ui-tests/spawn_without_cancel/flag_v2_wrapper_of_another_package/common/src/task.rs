//! Task helpers shared by the workspace's services.

use std::future::Future;

use tokio::task::JoinHandle;

/// A spawn wrapper: it names the task in the logs and drops its handle.
pub fn spawn_named<F>(name: &'static str, fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    tracing::debug!(task = name, "starting");
    tokio::spawn(fut);
}

/// A spawn wrapper named otherwise.
pub fn detach<F>(fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(fut);
}

/// Not a spawn wrapper: it hands the handle back.
pub fn spawn_tracked<F>(name: &'static str, fut: F) -> JoinHandle<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    tracing::debug!(task = name, "starting");
    tokio::spawn(fut)
}

/// Not a spawn wrapper: it runs the future to its end.
pub async fn run_logged<F>(name: &'static str, fut: F)
where
    F: Future<Output = ()>,
{
    tracing::debug!(task = name, "running");
    fut.await;
}
