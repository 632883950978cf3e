// Taking an async lock is not a wait: it returns at once when nobody holds it.
use std::sync::Arc;
use tokio::sync::mpsc::error::TryRecvError;
use tokio::sync::{mpsc, Mutex, RwLock};

#[derive(Default)]
pub struct Stats {
    pub handled: u64,
    pub idle_polls: u64,
}

pub struct Job;

fn run(_job: Job) {}

pub async fn worker(mut rx: mpsc::Receiver<Job>, stats: Arc<Mutex<Stats>>) {
    loop {
        match rx.try_recv() { //~ busy_poll_loop
            Ok(job) => {
                run(job);
                stats.lock().await.handled += 1;
            }
            Err(TryRecvError::Empty) => {
                let mut stats = stats.lock().await;
                stats.idle_polls += 1;
            }
            Err(TryRecvError::Disconnected) => return,
        }
    }
}

pub async fn config_watcher(mut updates: mpsc::Receiver<String>, config: Arc<RwLock<String>>) {
    loop {
        if let Ok(update) = updates.try_recv() { //~ busy_poll_loop
            *config.write().await = update;
        } else {
            let current = config.read().await;
            if current.is_empty() {
                return;
            }
        }
    }
}
