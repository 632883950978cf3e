use std::time::Duration;

pub struct Client {
    endpoint: String,
}

impl Client {
    pub fn new(endpoint: String) -> Self {
        Self { endpoint }
    }

    pub fn start_keepalive(&self) {
        let endpoint = self.endpoint.clone();
        tokio::spawn(async move { //~ spawn_without_cancel
            loop {
                tokio::time::sleep(Duration::from_secs(15)).await;
                tracing::trace!(%endpoint, "ping");
            }
        });
    }
}
