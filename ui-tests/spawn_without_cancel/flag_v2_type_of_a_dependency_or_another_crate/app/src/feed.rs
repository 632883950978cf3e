use std::time::Duration;

/// app's own feeder: feeds until the process exits.
pub struct Feeder;

impl Feeder {
    pub fn new() -> Self {
        Feeder
    }

    pub async fn run(&self) {
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
}
