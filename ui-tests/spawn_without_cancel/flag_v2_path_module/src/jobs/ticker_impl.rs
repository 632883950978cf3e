pub async fn tick_forever() {
    let mut interval = tokio::time::interval(std::time::Duration::from_secs(1)); //~ timer_never_dropped
    loop {
        interval.tick().await;
    }
}
