pub struct Client;

impl Client {
    pub fn new() -> Self {
        Client
    }

    pub async fn keep_warm(&self) {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(20)).await;
        }
    }
}
