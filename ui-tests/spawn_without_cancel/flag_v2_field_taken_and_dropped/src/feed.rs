use std::time::Duration;

pub async fn poll() {
    loop {
        tokio::time::sleep(Duration::from_secs(30)).await;
    }
}
