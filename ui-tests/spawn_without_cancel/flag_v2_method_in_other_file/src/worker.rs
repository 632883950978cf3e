mod poll;

pub struct Worker {
    config: String,
}

impl Worker {
    pub fn new(config: String) -> Worker {
        Worker { config }
    }

    pub async fn run(&self) {
        poll::poll_forever(&self.config).await;
    }
}
