pub struct Worker;

impl Worker {
    pub async fn run(&self) {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            println!("tick");
        }
    }
}
