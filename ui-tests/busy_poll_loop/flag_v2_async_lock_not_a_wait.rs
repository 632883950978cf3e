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

// A lock polled with `try_lock`, then another lock awaited when it is held:
// the other one is free, so the loop comes straight back to the poll.
pub async fn mirror(state: Arc<Mutex<Vec<u8>>>, other: Arc<Mutex<u64>>, out: Arc<std::sync::Mutex<Vec<u8>>>) {
    loop {
        match state.try_lock() { //~ busy_poll_loop
            Ok(p) => {
                *out.lock().unwrap() = p.clone();
                drop(p);
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
            Err(_) => {
                *other.lock().await += 1;
            }
        }
    }
}
