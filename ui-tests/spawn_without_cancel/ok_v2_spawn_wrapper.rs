// v2 near-misses of spawn wrappers: nothing here is flagged.
use std::future::Future;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// Returns the handle: the caller keeps it.
fn spawn_kept<F: Future<Output = ()> + Send + 'static>(fut: F) -> tokio::task::JoinHandle<()> {
    tokio::spawn(fut)
}

/// Spawns its parameter and drops the handle: a wrapper.
fn spawn_named<F: Future<Output = ()> + Send + 'static>(_name: &str, fut: F) {
    tokio::spawn(fut);
}

/// Runs its argument in place: no wrapper.
async fn traced<F: Future<Output = ()>>(fut: F) {
    fut.await
}

pub async fn start(token: CancellationToken) {
    let _h = spawn_kept(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
    // The task ends.
    spawn_named("once", async move { tick().await });
    // The loop observes cancellation.
    spawn_named("ticker", async move {
        loop {
            tokio::select! {
                _ = token.cancelled() => break,
                _ = tokio::time::sleep(Duration::from_secs(1)) => tick().await,
            }
        }
    });
    traced(async move { tick().await }).await;
}

async fn tick() {}
