pub struct Client {
    endpoint: String,
}

impl Client {
    pub fn new(endpoint: String) -> Self {
        Self { endpoint }
    }

    /// One ping, then done.
    pub async fn keep_warm(&self) {
        tracing::trace!(endpoint = %self.endpoint, "ping");
    }

    /// Keeps the connection up from a task of its own.
    pub fn start_keepalive(&self) {
        let endpoint = self.endpoint.clone();
        tokio::spawn(async move { //~ spawn_without_cancel
            loop {
                tokio::time::sleep(std::time::Duration::from_secs(30)).await;
                tracing::trace!(%endpoint, "keepalive");
            }
        });
    }
}
