// Re-exported under another name, and nothing in the crate calls it: a
// library fn whose callers are elsewhere.
use std::time::Duration;

pub fn start(node: String) {
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(Duration::from_secs(10)).await;
            tracing::info!(%node, "janitor");
        }
    });
}
