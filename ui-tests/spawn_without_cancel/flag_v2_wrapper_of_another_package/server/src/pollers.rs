use std::time::Duration;

use tokio_util::sync::CancellationToken;

/// Polls the upstream for ever.
pub async fn refresh_upstream() {
    loop {
        tokio::time::sleep(Duration::from_secs(30)).await;
        tracing::info!("refreshing");
    }
}

/// The same, until the token is cancelled.
pub async fn refresh_until(token: CancellationToken) {
    loop {
        tokio::select! {
            _ = token.cancelled() => break,
            _ = tokio::time::sleep(Duration::from_secs(30)) => tracing::info!("refreshing"),
        }
    }
}

/// Reports the metrics for ever; its interval lives as long as the task.
pub async fn report_metrics() {
    let mut every = tokio::time::interval(Duration::from_secs(60)); //~ timer_never_dropped
    loop {
        every.tick().await;
        tracing::info!("metrics");
    }
}
