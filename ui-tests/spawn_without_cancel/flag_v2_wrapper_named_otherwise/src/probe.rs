use std::time::Duration;

pub async fn probe_forever(target: String) {
    loop {
        tracing::debug!(%target, "probe");
        tokio::time::sleep(Duration::from_secs(30)).await;
    }
}

pub async fn probe_once(target: String) {
    tracing::debug!(%target, "probe");
}
