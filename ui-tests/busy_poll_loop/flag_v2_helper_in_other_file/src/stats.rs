use std::sync::atomic::{AtomicU64, Ordering};

static MISSES: AtomicU64 = AtomicU64::new(0);

pub fn record_miss() {
    MISSES.fetch_add(1, Ordering::Relaxed);
}
