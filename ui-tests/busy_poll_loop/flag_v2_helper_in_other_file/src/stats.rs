use std::sync::atomic::{AtomicU64, Ordering};

static MISSES: AtomicU64 = AtomicU64::new(0);

pub fn record_miss() {
    MISSES.fetch_add(1, Ordering::Relaxed);
}

pub struct Tally(AtomicU64);

impl Tally {
    pub fn miss(&self) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }
}
