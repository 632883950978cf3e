pub async fn pump() {
    tokio::task::yield_now().await;
}
