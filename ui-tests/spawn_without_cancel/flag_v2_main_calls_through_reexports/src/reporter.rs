use std::time::Duration;

pub fn start_reporter(endpoint: String) {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(30)).await;
            tracing::debug!(%endpoint, "reported");
        }
    });
}
