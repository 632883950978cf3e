/// Waits before the next attempt, without blocking the worker.
pub async fn wait_backoff(attempt: u32) {
    tokio::time::sleep(std::time::Duration::from_millis(100 * u64::from(attempt))).await;
}
