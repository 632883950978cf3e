pub mod worker;

/// Never returns and observes no cancellation.
pub async fn pump() {
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}
