// Near miss: the loop observes a CancellationToken, so the task can be
// stopped even though its JoinHandle is dropped. Expect no findings.
use std::time::Duration;

use tokio_util::sync::CancellationToken;

async fn publish_metrics() {}

pub fn start_reporter(token: CancellationToken) {
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = token.cancelled() => break,
                _ = tokio::time::sleep(Duration::from_secs(10)) => publish_metrics().await,
            }
        }
    });
}
