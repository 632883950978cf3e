use std::time::Duration;

pub async fn flush_forever() {
    let mut every = tokio::time::interval(Duration::from_secs(10));
    loop {
        every.tick().await;
        tracing::debug!("flush");
    }
}
