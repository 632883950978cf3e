//! Tells the load balancer we are alive, and stops saying so on shutdown.
use std::sync::Arc;
use std::time::Duration;

use tokio::time;
use tokio_util::sync::CancellationToken;

/// One interval, created before the loop; the loop ends on cancellation.
pub async fn run(config: Arc<crate::config::Config>, token: CancellationToken) {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(2))
        .build()
        .expect("TLS backend available");
    let mut every = time::interval(Duration::from_secs(5));
    loop {
        tokio::select! {
            _ = token.cancelled() => break,
            _ = every.tick() => {}
        }
        if let Err(e) = send_heartbeat(&client, &config.lb_url).await {
            tracing::warn!(error = %e, "heartbeat failed");
        }
    }
}

async fn send_heartbeat(client: &reqwest::Client, url: &str) -> Result<(), reqwest::Error> {
    client.put(url).send().await?.error_for_status()?;
    Ok(())
}
