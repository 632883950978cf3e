use tokio_util::sync::CancellationToken;

use crate::worker::{OutboxWorker, Probe};

pub fn start(table: &str) {
    let worker = OutboxWorker::builder().table(table).build();
    tokio::spawn(async move { worker.run().await }); //~ spawn_without_cancel
}

pub fn start_from_fn() {
    let worker = crate::worker::builder().build();
    tokio::spawn(async move { worker.run().await }); //~ spawn_without_cancel
}

// Near miss: the built probe's loop observes its token.
pub fn start_probe(token: CancellationToken) {
    let probe = Probe::builder().build(token);
    tokio::spawn(async move { probe.run().await });
}
