// v2: a handle stored in a field and taken out of it only to be dropped
// (`if let Some(p) = self.poller.take() { drop(p); }`) or asked about is
// discarded: dropping a JoinHandle does not stop its task. Near misses:
// the taken handle is aborted, or awaited.
use std::time::Duration;

use tokio::task::JoinHandle;

pub struct PriceFeed {
    poller: Option<JoinHandle<()>>,
}

impl PriceFeed {
    pub fn start(&mut self) {
        self.poller = Some(tokio::spawn(async move { //~ spawn_without_cancel
            loop {
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }));
    }

    pub fn stop(&mut self) {
        if let Some(poller) = self.poller.take() {
            drop(poller);
            tracing::info!("price poller stopped");
        }
    }
}

pub struct Indexer {
    worker: Option<JoinHandle<()>>,
}

impl Indexer {
    pub fn start(&mut self) {
        self.worker = Some(tokio::spawn(async move { //~ spawn_without_cancel
            loop {
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
        }));
    }

    pub fn stop(&mut self) {
        match self.worker.take() {
            Some(worker) => tracing::info!(id = ?worker.id(), "indexer stopped"),
            None => {}
        }
    }
}

pub struct Syncer {
    task: Option<JoinHandle<()>>,
}

impl Syncer {
    pub fn start(&mut self) {
        self.task = Some(tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
        }));
    }

    pub fn stop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

pub struct Flusher {
    task: Option<JoinHandle<()>>,
}

impl Flusher {
    pub fn start(&mut self) {
        self.task = Some(tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
        }));
    }

    pub async fn stop(&mut self) {
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}
