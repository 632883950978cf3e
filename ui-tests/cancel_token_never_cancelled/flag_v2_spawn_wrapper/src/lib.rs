mod tasks;
use tokio_util::sync::CancellationToken;

pub async fn serve() {
    // Handed to a spawn wrapper of another file, never cancelled: flagged.
    let token = CancellationToken::new();
    let worker = token.clone();
    tasks::spawn_named("worker", async move {
        worker.cancelled().await;
    });
    // Near miss: `run_inline` awaits its argument, it spawns nothing.
    let other = CancellationToken::new();
    let child = other.clone();
    tasks::run_inline(async move {
        child.cancelled().await;
    })
    .await;
    // Near miss: cancelled.
    let kept = CancellationToken::new();
    let handle = kept.clone();
    tasks::spawn_named("kept", async move {
        handle.cancelled().await;
    });
    kept.cancel();
}
