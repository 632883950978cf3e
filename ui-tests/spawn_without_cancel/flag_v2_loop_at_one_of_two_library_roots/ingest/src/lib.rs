/// Never returns and observes no cancellation.
pub async fn run() {
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}
