use std::time::Duration;

pub struct Client {
    endpoint: String,
}

impl Client {
    pub fn new(endpoint: &str) -> Self {
        Self {
            endpoint: endpoint.to_string(),
        }
    }

    pub async fn keep_warm(&self) {
        for _ in 0..3 {
            tokio::time::sleep(Duration::from_secs(1)).await;
            tracing::trace!(endpoint = %self.endpoint, "http warm-up");
        }
    }
}
