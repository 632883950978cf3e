use std::future::Future;

pub async fn init_protocol<F, Fut>(name: &'static str, init: F) -> std::io::Result<()>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = std::io::Result<()>>,
{
    tracing::info!(protocol = name, "starting");
    init().await
}
