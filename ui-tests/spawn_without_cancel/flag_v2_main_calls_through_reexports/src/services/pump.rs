use std::time::Duration;

// Renamed at the library root, re-exported here first: `main` calls it as
// `cronkit::start_pumps`.
pub fn spawn_pumps(n: usize) {
    for shard in 0..n {
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_millis(200)).await;
                tracing::debug!(shard, "drained");
            }
        });
    }
}
