//! Tells the load balancer we are alive.
use std::sync::Arc;
use std::time::Duration;

use tokio::time;

/// Sends a heartbeat every five seconds. Two leaks: the task can never be
/// stopped, so the load balancer keeps hearing "alive" during shutdown, and
/// the interval is rebuilt on every turn (its first tick is immediate, so the
/// loop never actually waits five seconds).
pub fn start(config: Arc<crate::config::Config>) {
    tokio::spawn(async move {
        loop {
            let mut every = time::interval(Duration::from_secs(5));
            every.tick().await;
            if let Err(e) = send_heartbeat(&config.lb_url).await {
                tracing::warn!(error = %e, "heartbeat failed");
            }
        }
    });
}

async fn send_heartbeat(url: &str) -> Result<(), reqwest::Error> {
    reqwest::Client::new().put(url).send().await?.error_for_status()?;
    Ok(())
}
