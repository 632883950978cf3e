// The wrapper times every request it sends, but its client field is
// `pub(crate)`: another file of the crate sends an untimed request with it.
use std::time::Duration;

pub struct GitHub {
    pub(crate) inner: reqwest::Client,
}

impl GitHub {
    pub fn new() -> Self {
        let inner = reqwest::Client::new(); //~ http_client_without_timeout
        Self { inner }
    }

    pub async fn user(&self, name: &str) -> reqwest::Result<String> {
        let url = format!("https://api.github.com/users/{name}");
        self.inner.get(url).timeout(Duration::from_secs(10)).send().await?.text().await
    }
}
