/// Does one batch and returns.
pub async fn run() {
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
}
