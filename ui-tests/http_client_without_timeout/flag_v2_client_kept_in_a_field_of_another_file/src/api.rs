use std::time::Duration;

// Every read of `Blockprint::client` starts a request with its own timeout.
pub struct Blockprint {
    pub client: reqwest::Client,
    pub server: String,
}

impl Blockprint {
    pub async fn fetch(&self) -> reqwest::Result<String> {
        let response = self
            .client
            .get(&self.server)
            .timeout(Duration::from_secs(5))
            .send()
            .await?;
        response.text().await
    }
}

// `Peer::client` sends one request without a timeout.
pub struct Peer {
    pub client: reqwest::Client,
}

impl Peer {
    pub async fn ping(&self) {
        let _ = self.client.get("http://peer/ping").send().await;
    }
}

// `Mirror::client` is handed on: what it is used for is out of sight.
pub struct Mirror {
    pub client: reqwest::Client,
}

// `Registry::client` is never read.
pub struct Registry {
    pub client: reqwest::Client,
}
