pub async fn ping_forever(addr: String) {
    loop {
        tracing::trace!(%addr, "ping");
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    }
}
