pub struct Worker {
    pub id: u64,
}

impl Worker {
    pub fn new() -> Self {
        Worker { id: 0 }
    }

    pub async fn run(&self) {
        loop {
            tokio::task::yield_now().await;
        }
    }

    pub async fn run_until(&self, mut stop: tokio::sync::watch::Receiver<bool>) {
        loop {
            tokio::select! {
                _ = stop.changed() => break,
                _ = tokio::task::yield_now() => {}
            }
        }
    }
}
