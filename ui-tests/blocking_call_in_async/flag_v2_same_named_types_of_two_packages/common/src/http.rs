use tokio_util::sync::CancellationToken;

pub struct Client {
    pub stop: CancellationToken,
}

impl Client {
    pub fn new() -> Self {
        Client { stop: CancellationToken::new() }
    }

    pub async fn keep_warm(&self) {
        loop {
            tokio::select! {
                _ = self.stop.cancelled() => break,
                _ = tokio::time::sleep(std::time::Duration::from_secs(20)) => {}
            }
        }
    }
}
