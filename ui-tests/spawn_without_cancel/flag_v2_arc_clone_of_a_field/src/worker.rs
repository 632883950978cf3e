pub struct Worker {
    queue: String,
}

impl Worker {
    pub async fn run(&self) {
        loop {
            self.process(&self.queue).await;
        }
    }

    pub async fn drain(&self) {
        self.process(&self.queue).await;
    }

    async fn process(&self, _q: &str) {}
}
