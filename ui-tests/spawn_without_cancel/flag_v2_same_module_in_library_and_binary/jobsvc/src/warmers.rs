use std::time::Duration;

pub fn start_all(url: String) {
    tokio::spawn(async move {
        loop {
            tracing::debug!(%url, "warm");
            tokio::time::sleep(Duration::from_secs(30)).await;
        }
    });
}
