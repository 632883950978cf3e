use std::sync::Arc;
use std::time::Duration;

pub struct Client {
    endpoint: String,
}

impl Client {
    pub fn new(endpoint: String) -> Self {
        Self { endpoint }
    }

    /// Keeps the channel warm for as long as the process runs.
    async fn keep_warm(&self) {
        loop {
            tracing::trace!(endpoint = %self.endpoint, "ping");
            tokio::time::sleep(Duration::from_secs(10)).await;
        }
    }

    pub fn connect(self: Arc<Self>) {
        tokio::spawn(async move { //~ spawn_without_cancel
            self.keep_warm().await;
        });
    }

    pub fn connect_new(endpoint: String) {
        let this = Self::new(endpoint);
        tokio::spawn(async move { //~ spawn_without_cancel
            this.keep_warm().await;
        });
    }
}
