use std::time::Duration;

/// Works through a fixed number of batches, then returns.
pub struct Worker {
    pub queue: String,
}

impl Worker {
    pub fn new(queue: String) -> Self {
        Worker { queue }
    }

    pub async fn run(self) {
        for _ in 0..10u32 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}
