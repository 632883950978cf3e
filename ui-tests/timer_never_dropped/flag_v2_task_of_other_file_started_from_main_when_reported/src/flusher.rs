use std::time::Duration;

pub async fn flush_forever() {
    let mut every = tokio::time::interval(Duration::from_secs(30)); //~ timer_never_dropped
    loop {
        every.tick().await;
        tracing::debug!("flush");
    }
}
