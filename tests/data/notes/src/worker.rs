pub struct Worker;

impl Worker {
    pub async fn run(&self) {
        /* é */ loop {
            self.step().await;
        }
    }
}
