//! An in-memory session cache with a background sweeper that stops on shutdown.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio_util::sync::CancellationToken;

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

/// Evicts expired sessions once a minute until `token` is cancelled.
pub async fn run_sweeper(cache: Arc<SessionCache>, token: CancellationToken) {
    token
        .run_until_cancelled(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(60)).await;
                let evicted = cache.evict_expired(Duration::from_secs(30 * 60));
                tracing::debug!(evicted, "session sweep");
            }
        })
        .await;
}
