// `timeout` around a task that ends on its own: giving up on it is a choice.
use std::time::Duration;

use tokio::time::timeout;
use tokio_util::sync::CancellationToken;

pub async fn fetch_with_deadline(client: Client, url: String) -> Option<Body> {
    let fetch = tokio::spawn(async move { client.get(&url).send().await });
    match timeout(Duration::from_secs(10), fetch).await {
        Ok(Ok(Ok(body))) => Some(body),
        _ => None,
    }
}

pub async fn drain_for_a_bit(mut rx: tokio::sync::mpsc::Receiver<Msg>, sink: Sink) {
    let drain = tokio::spawn(async move {
        while let Some(msg) = rx.recv().await {
            sink.push(msg).await;
        }
    });
    let _ = timeout(Duration::from_secs(2), drain).await;
}

pub async fn cancellable(token: CancellationToken, conn: Conn) {
    let pump = tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = token.cancelled() => break,
                frame = conn.read() => conn.write(frame).await,
            }
        }
    });
    let _ = timeout(Duration::from_secs(2), pump).await;
}

pub async fn retries(conn: Conn) {
    let attempt = tokio::spawn(async move {
        loop {
            if conn.try_connect().await.is_ok() {
                return;
            }
        }
    });
    let _ = timeout(Duration::from_secs(2), attempt).await;
}

/// The crate's `poll_forever` loops, but the task runs the local closure of
/// that name, which returns.
pub async fn poll_forever() {
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}

pub async fn probe_with_local_poller() {
    let poll_forever = || async { tokio::time::sleep(std::time::Duration::from_millis(5)).await };
    let probe = tokio::spawn(poll_forever());
    let _ = tokio::time::timeout(std::time::Duration::from_secs(1), probe).await;
}
