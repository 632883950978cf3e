//! An in-memory session cache with a background sweeper.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct SessionCache {
    entries: Mutex<HashMap<String, (Instant, Vec<u8>)>>,
    capacity: usize,
}

impl SessionCache {
    pub fn new(capacity: usize) -> SessionCache {
        SessionCache {
            entries: Mutex::new(HashMap::with_capacity(capacity)),
            capacity,
        }
    }

    pub fn evict_expired(&self, ttl: Duration) -> usize {
        let mut entries = self.entries.lock().unwrap();
        let before = entries.len();
        entries.retain(|_, (at, _)| at.elapsed() < ttl);
        before - entries.len()
    }
}

/// Evicts expired sessions once a minute, forever: the task keeps the cache
/// (and every session in it) alive after the server has shut down.
pub fn start_sweeper(cache: Arc<SessionCache>) {
    let _ = tokio::spawn(sweep(cache));
}

async fn sweep(cache: Arc<SessionCache>) {
    loop {
        tokio::time::sleep(Duration::from_secs(60)).await;
        let evicted = cache.evict_expired(Duration::from_secs(30 * 60));
        tracing::debug!(evicted, "session sweep");
    }
}
