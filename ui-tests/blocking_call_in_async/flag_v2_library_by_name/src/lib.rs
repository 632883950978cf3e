/// Awaited only by `main` (`app::setup().await`): it runs on the main
/// thread, not on a runtime worker. Not flagged.
pub async fn setup() {
    std::thread::sleep(std::time::Duration::from_millis(100));
}

/// Spawned by `main` (`tokio::spawn(app::serve())`): a runtime worker runs
/// it. Flagged.
pub async fn serve() {
    loop {
        std::thread::sleep(std::time::Duration::from_millis(100)); //~ blocking_call_in_async
        tokio::task::yield_now().await;
    }
}

/// A sync helper that sleeps the thread between retries.
pub fn backoff(attempt: u32) {
    std::thread::sleep(std::time::Duration::from_millis(100 * u64::from(attempt)));
}

/// A sync helper that does not block.
pub fn jitter(attempt: u32) -> u64 {
    u64::from(attempt) * 7 % 13
}
