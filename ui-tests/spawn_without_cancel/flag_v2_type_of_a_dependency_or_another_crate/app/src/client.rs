use std::time::Duration;

/// app's own client: keeps its session warm forever.
pub struct Client;

impl Client {
    pub fn new() -> Self {
        Client
    }

    pub async fn run(&self) {
        loop {
            tokio::time::sleep(Duration::from_secs(30)).await;
        }
    }
}
