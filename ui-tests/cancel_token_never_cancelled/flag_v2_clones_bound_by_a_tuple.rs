// Clones bound by a tuple pattern to a tuple (`let (r, w) = (t.clone(),
// t.clone());`) are followed as clones bound one by one are.
use tokio_util::sync::CancellationToken;

async fn half(t: CancellationToken) {
    t.cancelled().await;
}

pub async fn serve() {
    let conn = CancellationToken::new(); //~ cancel_token_never_cancelled
    let (read, write) = (conn.clone(), conn.clone());
    let r = tokio::spawn(async move { half(read).await });
    let w = tokio::spawn(async move { half(write).await });
    let _ = tokio::join!(r, w);
}

// Near miss: one of the clones is cancelled.
pub async fn serve_until_write_fails() {
    let conn = CancellationToken::new();
    let (read, write) = (conn.clone(), conn.clone());
    let r = tokio::spawn(async move { half(read).await });
    if write_all().await.is_err() {
        write.cancel();
    }
    let _ = r.await;
}

// Near miss: the tuple is handed on whole; what the callee does is unknown.
pub async fn serve_handed_on() {
    let conn = CancellationToken::new();
    let task = conn.clone();
    tokio::spawn(async move { half(task).await });
    register((conn.clone(), 1));
}

async fn write_all() -> Result<(), ()> {
    Ok(())
}

fn register(_: (CancellationToken, u32)) {}
