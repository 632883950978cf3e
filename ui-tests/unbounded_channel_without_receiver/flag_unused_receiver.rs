// The receiver is kept in a binding that is never read: every send
// succeeds and the queue grows until the process runs out of memory.
use std::time::Duration;

use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

pub struct LogLine {
    pub level: u8,
    pub text: String,
}

/// A log shipper that forgot to start its upload loop.
pub async fn run_log_shipper(mut lines: LineSource) -> anyhow::Result<()> {
    let (ship_tx, _ship_rx) = unbounded_channel::<LogLine>(); //~ unbounded_channel_without_receiver
    while let Some(line) = lines.next_line().await? {
        ship_tx.send(LogLine { level: 3, text: line })?;
    }
    Ok(())
}

pub fn metrics_sink(registry: &Registry) {
    let (tx, mut rx) = unbounded_channel(); //~ unbounded_channel_without_receiver
    registry.subscribe(move |sample| {
        let _ = tx.send(sample);
    });
}

pub fn typed_pair(pool: &WorkerPool) {
    let (job_tx, job_rx): (UnboundedSender<Job>, UnboundedReceiver<Job>) = unbounded_channel(); //~ unbounded_channel_without_receiver
    for worker in pool.workers() {
        worker.attach(job_tx.clone());
    }
    tracing::info!(workers = pool.len(), "job queue ready");
}

/// The receiver's name is reused by a later `let`: the first receiver is
/// never read again.
pub async fn shadowed(feed: Feed) {
    let (tx, rx) = unbounded_channel::<Update>(); //~ unbounded_channel_without_receiver
    let rx = feed.subscribe();
    feed.forward_to(tx);
    while let Ok(update) = rx.recv().await {
        apply(update);
    }
}

/// Names that only look like the receiver: a closure parameter, an
/// `if let` binding and a `select!` branch pattern.
pub async fn only_lookalikes(mut ticks: tokio::time::Interval, other: Source) {
    let (tx, rx) = unbounded_channel::<Tick>(); //~ unbounded_channel_without_receiver
    let handler = |rx: Tick| println!("{rx:?}");
    if let Some(rx) = other.peek() {
        handler(rx);
    }
    loop {
        tokio::select! {
            Some(rx) = other.next() => handler(rx),
            _ = ticks.tick() => {
                let _ = tx.send(Tick);
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        }
    }
}
