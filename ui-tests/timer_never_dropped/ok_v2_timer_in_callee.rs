// v2 near-misses of case 3 through calls: nothing here is flagged.
use std::time::Duration;

/// Never spawned: its timer is not pinned by any task.
async fn unused() {
    let mut interval = tokio::time::interval(Duration::from_secs(5));
    loop {
        interval.tick().await;
    }
}

/// Spawned with a kept handle.
pub fn start_kept() -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move { kept().await })
}

async fn kept() {
    let mut interval = tokio::time::interval(Duration::from_secs(5));
    loop {
        interval.tick().await;
    }
}

async fn poll() {}
