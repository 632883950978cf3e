/// Waits before the next attempt.
pub fn wait_backoff(attempt: u32) {
    std::thread::sleep(std::time::Duration::from_millis(100 * u64::from(attempt)));
}
