use std::time::Duration;

pub fn pause(attempt: u32) {
    std::thread::sleep(Duration::from_millis(10u64 << attempt.min(6)));
}

pub struct Pacer;

impl Pacer {
    pub fn pause(&self) {
        std::thread::sleep(Duration::from_millis(5));
    }
}

impl crate::Waiter for Pacer {
    fn idle(&self) {
        std::thread::sleep(Duration::from_millis(5));
    }
}
