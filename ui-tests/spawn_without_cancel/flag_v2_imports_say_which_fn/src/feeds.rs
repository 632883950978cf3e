/// Same name as `pump::drain_forever`, but it returns.
pub async fn drain_forever() {
    tokio::task::yield_now().await;
}
