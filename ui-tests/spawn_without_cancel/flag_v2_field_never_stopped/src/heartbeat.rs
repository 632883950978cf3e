pub async fn beat() {
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(10)).await;
        send_ping().await;
    }
}

async fn send_ping() {}
