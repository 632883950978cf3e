mod tasks;
use tokio_util::sync::CancellationToken;

pub async fn serve() {
    // Handed to a spawn wrapper of another file, never cancelled: flagged.
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
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
    // Handed to the wrapper as a call of a fn of another file: flagged.
    let called = CancellationToken::new(); //~ cancel_token_never_cancelled
    tasks::spawn_named("watch", tasks::watch(called.clone()));
    // Handed to it in a closure's call: flagged.
    let closure = CancellationToken::new(); //~ cancel_token_never_cancelled
    let inner = closure.clone();
    tasks::spawn_with(move || tasks::watch(inner));
    // Near miss: a call given to a fn that awaits it.
    let awaited = CancellationToken::new();
    tasks::run_inline(tasks::watch(awaited.clone())).await;
    // Near miss: the call's token is cancelled.
    let stopped = CancellationToken::new();
    tasks::spawn_named("watch", tasks::watch(stopped.clone()));
    stopped.cancel();
}
