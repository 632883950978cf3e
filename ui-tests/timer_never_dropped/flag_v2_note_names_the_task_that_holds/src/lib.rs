//! Two tasks run `refresh_loop`: one started once from `main` (for the
//! life of the process), one per tenant. The finding holds by the second,
//! and its note names that one.
use std::sync::Arc;
use std::time::Duration;

pub struct Cache {
    every: Duration,
}

impl Cache {
    pub async fn refresh_loop(self: Arc<Self>) {
        let mut tick = tokio::time::interval(self.every); //~ timer_never_dropped
        loop {
            tick.tick().await;
        }
    }
}

/// Only `main` calls this: process-lifetime.
pub fn start_at_boot(cache: Arc<Cache>) {
    tokio::spawn(cache.refresh_loop());
}

/// Called per tenant.
pub fn start_for_tenant(cache: Arc<Cache>) {
    tokio::spawn(cache.refresh_loop()); //~ spawn_without_cancel
}

pub async fn add_tenant(every: Duration) {
    start_for_tenant(Arc::new(Cache { every }));
}
