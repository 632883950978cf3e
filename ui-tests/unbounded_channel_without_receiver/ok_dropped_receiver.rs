// A receiver dropped when the sender is no longer used afterwards: closing
// the channel on purpose is not a leak.
use std::sync::mpsc;

pub fn close_after_last_send(batch: Vec<Job>) {
    let (tx, rx) = mpsc::channel();
    for job in batch {
        tx.send(job).unwrap();
    }
    drop(rx);
}

pub fn both_halves_dropped() {
    let (tx, rx) = flume::unbounded::<()>();
    drop(rx);
    drop(tx);
}

pub async fn drained_then_dropped(mut src: Source) {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    src.fill(&tx).await;
    while let Ok(item) = rx.try_recv() {
        process(item);
    }
    drop(rx);
    tracing::info!("drained");
}

pub fn sender_dropped_first() {
    let (tx, rx) = crossbeam_channel::unbounded::<u32>();
    tx.send(7).unwrap();
    drop(tx);
    std::mem::drop(rx);
}

/// Waiting for the close that the drop causes is not a send.
pub async fn close_notification() {
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<()>();
    let watcher = tx.clone();
    std::thread::spawn(move || {
        drop(rx);
    });
    watcher.closed().await;
    assert!(tx.is_closed());
}

/// Dropped on one branch, served on the other: which one runs is not known.
pub fn served_unless_disabled(enabled: bool, events: Vec<Event>) {
    let (tx, rx) = crossbeam_channel::unbounded();
    if !enabled {
        drop(rx);
    } else {
        std::thread::spawn(move || serve(rx));
    }
    for event in events {
        let _ = tx.send(event);
    }
}
