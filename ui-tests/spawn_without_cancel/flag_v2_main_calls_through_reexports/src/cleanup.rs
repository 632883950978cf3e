use std::time::Duration;

pub fn start(dir: String) {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(60)).await;
            tracing::debug!(%dir, "cleaned");
        }
    });
}
