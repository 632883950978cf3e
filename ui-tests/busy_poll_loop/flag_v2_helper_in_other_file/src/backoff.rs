use std::time::Duration;

pub fn pause(attempt: u32) {
    std::thread::sleep(Duration::from_millis(10u64 << attempt.min(6)));
}
