pub mod conn;

use std::time::Duration;

pub async fn heartbeat(token: tokio_util::sync::CancellationToken) {
    loop {
        tokio::select! {
            _ = token.cancelled() => break,
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
        }
    }
}

pub async fn drain() {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}
