use std::time::Duration;

/// Streams for as long as the process runs.
pub struct StreamWorker {
    pub queue: String,
}

impl StreamWorker {
    pub fn new(queue: String) -> Self {
        StreamWorker { queue }
    }

    pub async fn run(self) {
        loop {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

/// A third type named like the batch worker's alias below.
pub struct Batch;

impl Batch {
    pub fn new() -> Self {
        Batch
    }

    pub async fn run(self) {
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
}
