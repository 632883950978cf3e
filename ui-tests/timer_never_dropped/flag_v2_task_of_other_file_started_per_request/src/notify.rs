use std::time::Duration;

pub struct EmailWorker {
    secs: u64,
}

impl EmailWorker {
    pub fn new(secs: u64) -> Self {
        Self { secs }
    }

    pub async fn start_task(&self) {
        let mut interval = tokio::time::interval(Duration::from_secs(self.secs)); //~ timer_never_dropped
        loop {
            interval.tick().await;
            self.send_digest().await;
        }
    }

    async fn send_digest(&self) {}
}
