use std::sync::Arc;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

#[derive(Clone)]
pub struct Cache {
    entries: Arc<Vec<u64>>,
}

impl Cache {
    /// A new cache starts a sweeper that outlives it.
    pub fn new() -> Self {
        let sc = Self { entries: Arc::new(Vec::new()) };
        tokio::spawn(sc.clone().sweep()); //~ spawn_without_cancel
        sc
    }

    pub fn restart(&self) {
        let this = self.clone();
        tokio::spawn(async move { this.sweep().await }); //~ spawn_without_cancel
    }

    pub fn restart_shared(self: Arc<Self>) {
        let cache = Arc::clone(&self);
        let cache = cache.clone();
        tokio::spawn(async move { cache.sweep().await }); //~ spawn_without_cancel
    }

    /// Near miss: the sweeper stops when told to.
    pub fn with_stop(token: CancellationToken) -> Self {
        let sc = Self { entries: Arc::new(Vec::new()) };
        tokio::spawn(sc.clone().sweep_until(token.clone()));
        sc
    }

    async fn sweep(self) {
        let mut every = tokio::time::interval(Duration::from_secs(60)); //~ timer_never_dropped
        loop {
            every.tick().await;
            let _ = self.entries.len();
        }
    }

    async fn sweep_until(self, token: CancellationToken) {
        loop {
            tokio::select! {
                _ = token.cancelled() => break,
                _ = tokio::time::sleep(Duration::from_secs(60)) => {}
            }
        }
    }
}
