/// Awaited only by `main` (`app::setup().await`): it runs on the main
/// thread, not on a runtime worker. Not flagged.
pub async fn setup() {
    std::thread::sleep(std::time::Duration::from_millis(100));
}

/// Spawned by `main` (`tokio::spawn(app::serve())`): a runtime worker runs
/// it. Flagged.
pub async fn serve() {
    loop {
        std::thread::sleep(std::time::Duration::from_millis(100));
        tokio::task::yield_now().await;
    }
}
