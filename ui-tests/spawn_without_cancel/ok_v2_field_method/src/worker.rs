pub struct Worker;
pub struct Quiet;

impl Worker {
    pub async fn run(&self) {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    }
}

impl Quiet {
    pub async fn run(&self) {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            if stop_requested() {
                break;
            }
        }
    }
}

fn stop_requested() -> bool {
    false
}
