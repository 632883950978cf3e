/// Waits before the next attempt.
pub fn pause(attempt: u32) {
    std::thread::sleep(std::time::Duration::from_millis(10 << attempt.min(10)));
}

/// Counts the attempt; does not wait.
pub fn note(attempt: u32) -> u32 {
    attempt + 1
}
