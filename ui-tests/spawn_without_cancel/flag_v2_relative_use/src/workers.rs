use std::time::Duration;

pub async fn pump() {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

pub async fn drain() {
    loop {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

pub struct Flusher;

impl Flusher {
    pub fn new() -> Flusher {
        Flusher
    }

    pub async fn run(self) {
        loop {
            tokio::time::sleep(Duration::from_secs(5)).await;
        }
    }
}
