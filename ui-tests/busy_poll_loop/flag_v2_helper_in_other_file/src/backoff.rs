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

/// Parks the thread until woken or for a while.
pub fn settle() {
    std::thread::park_timeout(Duration::from_millis(2));
}

/// Waits for a wake-up message.
pub fn wait_wakeup(wake: &std::sync::mpsc::Receiver<()>) {
    let _ = wake.recv_timeout(Duration::from_millis(50));
}

/// Parks a thread of its own, not the caller: no wait for the caller.
pub fn park_elsewhere() {
    std::thread::spawn(|| std::thread::park_timeout(Duration::from_millis(2)));
}

/// Joins strings: a `join` that waits for nothing.
pub fn label(parts: &[&str]) -> String {
    parts.join("-")
}

/// The process's pacer.
pub fn global() -> &'static Pacer {
    static PACER: Pacer = Pacer;
    &PACER
}
