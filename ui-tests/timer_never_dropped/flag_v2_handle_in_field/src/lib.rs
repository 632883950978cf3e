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
        let ticker = tokio::spawn(async move { //~ spawn_without_cancel
            let mut every = tokio::time::interval(Duration::from_secs(5)); //~ timer_never_dropped
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

/// The loop and its interval are in a method the task calls; the handle
/// is stored in a field nothing reads. Flagged.
pub struct Heartbeat {
    task: Option<JoinHandle<()>>,
}

struct Beat;

impl Beat {
    async fn run(self) {
        let mut every = tokio::time::interval(Duration::from_secs(2)); //~ timer_never_dropped
        loop {
            every.tick().await;
        }
    }
}

impl Heartbeat {
    pub fn start(&mut self) {
        let beat = Beat;
        self.task = Some(tokio::spawn(async move { beat.run().await })); //~ spawn_without_cancel
    }
}

/// Near miss: the same shape, but `stop` aborts the stored task.
pub struct Watcher {
    task: Option<JoinHandle<()>>,
}

struct Watch;

impl Watch {
    async fn run(self) {
        let mut every = tokio::time::interval(Duration::from_secs(2));
        loop {
            every.tick().await;
        }
    }
}

impl Watcher {
    pub fn start(&mut self) {
        let watch = Watch;
        self.task = Some(tokio::spawn(async move { watch.run().await }));
    }

    pub fn stop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}
