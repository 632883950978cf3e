use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(50);

pub struct BlockprintClient {
    pub client: reqwest::Client,
    pub server: String,
    pub username: Option<String>,
}

impl BlockprintClient {
    // Every request of the package bounds itself.
    pub async fn get(&self, path: &str) -> Result<reqwest::Response, reqwest::Error> {
        let url = format!("{}/{path}", self.server);
        let mut builder = self.client.get(url).timeout(TIMEOUT);
        if let Some(username) = &self.username {
            builder = builder.basic_auth(username, None::<&str>);
        }
        builder.send().await
    }
}

pub struct Feed {
    pub client: reqwest::Client,
    pub url: String,
}
