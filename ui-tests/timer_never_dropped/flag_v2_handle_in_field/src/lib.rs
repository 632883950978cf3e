// Ticker tasks whose handles are stored in struct fields.
mod poller;

use std::time::Duration;
use tokio::task::JoinHandle;

/// Nothing reads `ticker`: dropping a `Metrics` detaches the task, and its
/// interval is never dropped. Flagged.
pub struct Metrics {
    ticker: JoinHandle<()>,
}

impl Metrics {
    pub fn start() -> Metrics {
        let ticker = tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(5));
            loop {
                every.tick().await;
            }
        });
        Metrics { ticker }
    }
}

/// Near miss: `Poller`'s `Drop` (in poller.rs) aborts the task.
pub struct Poller {
    task: JoinHandle<()>,
}

impl Poller {
    pub fn start() -> Poller {
        let task = tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(5));
            loop {
                every.tick().await;
            }
        });
        Poller { task }
    }
}
