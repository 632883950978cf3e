use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// A background job: implementors say what one turn does; the loop that
/// runs the turns is provided.
pub trait Worker {
    async fn tick(&self);

    async fn run_forever(&self) {
        loop {
            self.tick().await;
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }

    async fn run_until(&self, token: CancellationToken) {
        loop {
            tokio::select! {
                _ = token.cancelled() => return,
                _ = self.tick() => {}
            }
        }
    }
}

pub struct Compactor;

impl Worker for Compactor {
    async fn tick(&self) {}
}

/// Overrides the provided loop with one that stops.
pub struct Indexer {
    pub token: CancellationToken,
}

impl Worker for Indexer {
    async fn tick(&self) {}

    async fn run_forever(&self) {
        self.token.cancelled().await;
    }
}
