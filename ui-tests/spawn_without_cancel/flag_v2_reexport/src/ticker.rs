pub async fn tick() {
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}
