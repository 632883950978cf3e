// Tokens handed to worker tasks and never cancelled.
use std::time::Duration;
use tokio_util::sync::CancellationToken;

async fn worker(token: CancellationToken) {
    loop {
        tokio::select! {
            _ = token.cancelled() => break,
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
        }
    }
}

pub async fn start_workers() {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    for _ in 0..4 {
        let t = token.clone();
        tokio::spawn(async move {
            t.cancelled().await;
        });
    }
}

pub async fn start_one() {
    let shutdown = CancellationToken::new(); //~ cancel_token_never_cancelled
    tokio::spawn(worker(shutdown.clone()));
    tokio::time::sleep(Duration::from_secs(10)).await;
}

pub async fn moved_in() {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    let handle = tokio::spawn(async move {
        token.cancelled().await;
    });
    handle.await.unwrap();
}
