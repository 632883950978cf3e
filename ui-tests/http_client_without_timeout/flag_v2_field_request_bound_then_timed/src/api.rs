use std::time::Duration;

pub struct Builder {
    pub client: reqwest::Client,
}

impl Builder {
    pub async fn get(&self, url: &str, timeout: Option<Duration>) -> reqwest::Result<String> {
        let mut builder = self.client.get(url);
        if let Some(timeout) = timeout {
            builder = builder.timeout(timeout);
        }
        builder.send().await?.text().await
    }
}

pub struct Status {
    pub client: reqwest::Client,
}

impl Status {
    pub async fn check(&self, url: &str) -> reqwest::Result<u16> {
        let req = self.client.get(url).header("accept", "text/plain");
        Ok(req.send().await?.status().as_u16())
    }
}
