pub async fn pump() {
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
}
