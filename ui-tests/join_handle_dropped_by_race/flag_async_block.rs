// The handle is moved into an async block that awaits it, and the block is
// raced: dropping the block drops the handle.
use std::time::Duration;

use tokio::sync::mpsc;

pub async fn index_with_progress(job: Job, mut cancel: mpsc::Receiver<()>) -> Option<Stats> {
    let indexer = tokio::spawn(async move { job.index().await });
    tokio::select! {
        stats = async move {
            let stats = indexer.await.ok()?; //~ join_handle_dropped_by_race
            tracing::info!(files = stats.files, "indexed");
            Some(stats)
        } => stats,
        _ = cancel.recv() => None,
    }
}

pub async fn sync_once(peer: Peer) {
    let puller = tokio::spawn(peer.clone().pull());
    let pull = async move {
        if let Err(e) = puller.await {
            tracing::warn!("pull task failed: {e}");
        }
    };
    tokio::select! {
        _ = pull => {} //~ join_handle_dropped_by_race
        _ = tokio::time::sleep(Duration::from_secs(30)) => tracing::warn!("sync took too long"),
    }
}
