//! Pushes metrics to a collector every ten seconds, until shutdown.
use std::time::Duration;

use tokio::time::interval;
use tokio_util::sync::CancellationToken;

#[derive(Clone)]
pub struct Registry {
    inner: std::sync::Arc<prometheus::Registry>,
}

impl Registry {
    pub fn new() -> Registry {
        Registry {
            inner: std::sync::Arc::new(prometheus::Registry::new()),
        }
    }
}

/// The reporter's body; the caller owns the task (a `JoinSet`) and the token.
pub async fn run_reporter(registry: Registry, url: String, token: CancellationToken) {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("TLS backend available");
    let mut ticker = interval(Duration::from_secs(10));
    loop {
        tokio::select! {
            _ = token.cancelled() => break,
            _ = ticker.tick() => {}
        }
        let body = encode(&registry);
        if let Err(e) = client.post(&url).body(body).send().await {
            tracing::warn!(error = %e, "metrics push failed");
        }
    }
}

fn encode(registry: &Registry) -> Vec<u8> {
    let mut buf = Vec::new();
    let encoder = prometheus::TextEncoder::new();
    let _ = encoder.encode(&registry.inner.gather(), &mut buf);
    buf
}
