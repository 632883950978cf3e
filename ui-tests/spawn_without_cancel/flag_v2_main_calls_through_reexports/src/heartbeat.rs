use std::time::Duration;

pub fn start(node: String) {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(10)).await;
            tracing::info!(%node, "heartbeat");
        }
    });
}
