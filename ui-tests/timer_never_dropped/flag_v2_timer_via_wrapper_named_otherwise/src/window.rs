use std::time::Duration;

use tokio::sync::mpsc;

use crate::ticks;

pub struct WindowOp {
    pub width: Duration,
}

impl WindowOp {
    pub async fn run(self, mut keys: mpsc::Receiver<u64>) {
        let mut checkpoint = ticks::checkpoint_every(self.width);
        loop {
            tokio::select! {
                _ = checkpoint.tick() => flush().await,
                Some(key) = keys.recv() => add(key).await,
            }
        }
    }
}

async fn flush() {}
async fn add(_key: u64) {}
