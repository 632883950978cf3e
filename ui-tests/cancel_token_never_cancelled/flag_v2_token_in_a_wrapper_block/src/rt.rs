use std::future::Future;

pub fn spawn_named<F>(name: &str, fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    tracing::info!(task = name, "starting");
    tokio::spawn(fut);
}
