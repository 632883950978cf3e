use crate::pump as p;
use metrics_exporter::flush;

/// `flush` is imported from another crate: the crate's own looping
/// `pump::flush` is not what this task runs.
pub fn start_export() {
    tokio::spawn(async { flush().await });
}

/// Through a renamed module import: `pump::drain_forever`, which loops.
pub fn start_drain() {
    tokio::spawn(async { p::drain_forever().await }); //~ spawn_without_cancel
}
