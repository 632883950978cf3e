// A `cdylib` for a native host: its client can stall the host's runtime.
use reqwest::Client;

pub struct PluginHttp {
    client: Client,
}

impl PluginHttp {
    pub fn init() -> Self {
        let client = Client::new(); //~ http_client_without_timeout
        Self { client }
    }

    pub async fn fetch(&self, url: &str) -> reqwest::Result<String> {
        self.client.get(url).send().await?.text().await
    }
}
