use tokio_util::sync::CancellationToken;

pub async fn expire_sessions(token: CancellationToken) {
    token.cancelled().await;
}

pub async fn push_metrics(token: CancellationToken) {
    token.cancelled().await;
}
