use std::time::Duration;

/// base's poller: polls the upstream until the process exits.
pub struct Poller {
    period: Duration,
}

impl Poller {
    pub fn new() -> Self {
        Poller { period: Duration::from_secs(5) }
    }

    pub async fn run(&self) {
        loop {
            tokio::time::sleep(self.period).await;
        }
    }
}
