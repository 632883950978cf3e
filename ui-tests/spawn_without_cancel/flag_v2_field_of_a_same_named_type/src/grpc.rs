use std::time::Duration;

pub struct Client {
    endpoint: String,
}

impl Client {
    pub fn new(endpoint: String) -> Self {
        Self { endpoint }
    }

    /// Pings the upstream for as long as it lives.
    pub async fn keep_warm(&self) {
        loop {
            tokio::time::sleep(Duration::from_secs(15)).await;
            tracing::trace!(endpoint = %self.endpoint, "ping");
        }
    }

    /// Keeps the connection up from a task of its own.
    pub fn start_keepalive(&self) {
        let endpoint = self.endpoint.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(std::time::Duration::from_secs(30)).await;
                tracing::trace!(%endpoint, "keepalive");
            }
        });
    }
}
