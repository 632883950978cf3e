// Near miss: a `pub` client field whose every read known to be of this
// struct starts a timed request; a read of a field of the same name on a
// value of unknown type (`other.client` in probe.rs) is some other
// struct's.
use std::time::Duration;

pub struct JsonRpc {
    pub client: reqwest::Client,
    pub url: String,
}

impl JsonRpc {
    pub fn new(url: String) -> reqwest::Result<Self> {
        Ok(Self {
            client: reqwest::Client::builder().build()?,
            url,
        })
    }

    pub async fn call(&self, body: String) -> reqwest::Result<String> {
        let request = self
            .client
            .post(&self.url)
            .timeout(Duration::from_secs(8))
            .body(body);
        request.send().await?.text().await
    }
}

pub async fn ping(rpc: &JsonRpc) -> reqwest::Result<reqwest::StatusCode> {
    let response = rpc.client.get(&rpc.url).timeout(Duration::from_secs(2)).send().await?;
    Ok(response.status())
}
