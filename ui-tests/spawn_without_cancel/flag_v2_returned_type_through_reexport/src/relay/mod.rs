pub mod factory;

pub struct Relay;
pub struct Probe;

impl Relay {
    pub async fn run(&self) {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    }
}

impl Probe {
    pub async fn run(&self) {
        for _ in 0..3 {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    }
}
