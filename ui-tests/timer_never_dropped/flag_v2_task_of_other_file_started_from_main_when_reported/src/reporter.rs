use std::time::Duration;

pub struct Reporter {
    endpoint: String,
}

impl Reporter {
    pub fn new(endpoint: &str) -> Self {
        Reporter { endpoint: endpoint.to_string() }
    }

    pub async fn run(self) {
        let mut every = tokio::time::interval(Duration::from_secs(10)); //~ timer_never_dropped
        loop {
            every.tick().await;
            self.push().await;
        }
    }

    // Near miss: a timer made and finished within one turn.
    pub async fn push(&self) {
        tokio::time::sleep(Duration::from_millis(5)).await;
        let _ = &self.endpoint;
    }
}
