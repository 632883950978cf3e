use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::Instant;

const QUIET: Duration = Duration::from_millis(300);

pub async fn run(mut rx: mpsc::Receiver<String>) {
    let deadline = tokio::time::sleep(QUIET); //~ timer_never_dropped
    tokio::pin!(deadline);
    let mut pending = Vec::new();
    loop {
        tokio::select! {
            Some(key) = rx.recv() => {
                pending.push(key);
                deadline.as_mut().reset(Instant::now() + QUIET);
            }
            _ = &mut deadline => {
                pending.clear();
                deadline.as_mut().reset(Instant::now() + QUIET);
            }
        }
    }
}

// Not flagged for its timer: each turn makes a new sleep, dropped with it.
pub async fn flush_each(mut rx: mpsc::Receiver<String>) {
    let mut pending = Vec::new();
    loop {
        tokio::select! {
            Some(key) = rx.recv() => pending.push(key),
            _ = tokio::time::sleep(QUIET) => pending.clear(),
        }
    }
}
