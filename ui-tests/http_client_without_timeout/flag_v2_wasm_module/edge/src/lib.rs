// Built as a WebAssembly module: reqwest's wasm `ClientBuilder` has no
// `timeout`, and the Workers runtime bounds each fetch. Left alone.
use reqwest::Client;

pub struct EdgeHttp {
    client: Client,
}

impl EdgeHttp {
    pub fn init() -> Self {
        let client = Client::builder().build().unwrap();
        Self { client }
    }

    pub async fn fetch(&self, url: &str) -> reqwest::Result<String> {
        self.client.get(url).send().await?.text().await
    }
}
