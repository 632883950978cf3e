// A task that runs a trait's provided method (the impl does not override
// it) runs that method's one body: its endless loop is the task's. The
// trait is defined beside the impls, in another file.
mod jobs;

use jobs::{Compactor, Indexer, Worker};
use tokio_util::sync::CancellationToken;

pub fn start_compactor() {
    let compactor = Compactor;
    tokio::spawn(async move { compactor.run_forever().await }); //~ spawn_without_cancel
}

/// Near miss: `Indexer` overrides the loop with one that observes its token.
pub fn start_indexer(token: CancellationToken) {
    let indexer = Indexer { token };
    tokio::spawn(async move { indexer.run_forever().await });
}

/// Near miss: the provided method that observes cancellation.
pub fn start_compactor_until(token: CancellationToken) {
    let compactor = Compactor;
    tokio::spawn(async move { compactor.run_until(token).await });
}

/// Near miss: a type parameter may be any worker, `Indexer` too.
pub fn start_any<W: Worker + Send + 'static>(worker: W) {
    tokio::spawn(async move { worker.run_forever().await });
}
