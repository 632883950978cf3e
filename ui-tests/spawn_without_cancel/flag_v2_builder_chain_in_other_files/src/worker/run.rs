use std::time::Duration;

use super::{OutboxWorker, Probe};

impl OutboxWorker {
    pub async fn run(mut self) {
        loop {
            tokio::time::sleep(Duration::from_millis(250)).await;
            self.sent += self.table.len() as u64;
        }
    }
}

impl Probe {
    pub async fn run(self) {
        loop {
            tokio::select! {
                _ = self.token.cancelled() => return,
                _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            }
        }
    }
}
