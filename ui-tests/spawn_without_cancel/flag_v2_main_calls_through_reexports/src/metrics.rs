use std::time::Duration;

pub fn start_metrics_pusher(gateway: String) {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(15)).await;
            tracing::debug!(%gateway, "pushed metrics");
        }
    });
}
