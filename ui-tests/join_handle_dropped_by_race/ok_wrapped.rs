// Handles that cancel on drop, tasks that cannot be aborted, and futures
// that are not handles.
use std::time::Duration;

use tokio::task::JoinSet;
use tokio_util::task::AbortOnDropHandle;

pub async fn guarded(a: Worker, b: Worker) {
    let left = AbortOnDropHandle::new(tokio::spawn(a.run()));
    let right = AbortOnDropHandle::new(tokio::spawn(b.run()));
    tokio::select! {
        _ = left => {}
        _ = right => {}
    }
}

pub async fn rewrapped(a: Worker, b: Worker) {
    let left = tokio::spawn(a.run());
    let left = AbortOnDropHandle::new(left);
    let right = AbortOnDropHandle::new(tokio::spawn(b.run()));
    tokio::select! {
        _ = left => {}
        _ = right => {}
    }
}

pub async fn set(a: Worker, b: Worker) {
    let mut set = JoinSet::new();
    set.spawn(a.run());
    set.spawn(b.run());
    tokio::select! {
        _ = set.join_next() => {}
        _ = tokio::time::sleep(Duration::from_secs(1)) => {}
    }
}

pub async fn blocking(path: std::path::PathBuf) {
    // Aborting does not stop a blocking task once it runs: not this rule's business.
    let hash = tokio::task::spawn_blocking(move || hash_file(&path));
    tokio::select! {
        _ = hash => {}
        _ = tokio::time::sleep(Duration::from_secs(1)) => {}
    }
}

pub async fn not_handles(conn: Conn, worker: JoinHandle<()>) {
    // A handle that came from elsewhere, and plain futures.
    tokio::select! {
        _ = worker => {}
        _ = conn.closed() => {}
    }
    let task = conn.serve();
    tokio::select! {
        _ = task => {}
        _ = tokio::signal::ctrl_c() => {}
    }
}

pub async fn smol_task(ex: &smol::Executor<'_>) {
    // A smol `Task` cancels its future when dropped.
    let t = smol::spawn(async { work().await });
    futures::future::select(t, Box::pin(idle())).await;
}
