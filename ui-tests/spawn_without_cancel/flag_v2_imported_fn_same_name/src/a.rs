pub async fn pump() {
    loop {
        tokio::task::yield_now().await;
    }
}
