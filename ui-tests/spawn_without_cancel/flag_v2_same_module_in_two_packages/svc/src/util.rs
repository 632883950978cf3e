use std::time::Duration;

pub async fn refresh_forever(url: String) {
    loop {
        let _ = fetch(&url).await;
        tokio::time::sleep(Duration::from_secs(60)).await;
    }
}

async fn fetch(url: &str) -> Option<String> {
    tracing::debug!(url, "refresh");
    None
}
