pub struct Services;

impl Services {
    pub fn start() -> Services {
        tokio::spawn(async move {
            metrics_loop().await;
        });
        Services
    }

    pub async fn wait(&self) {}
}

async fn metrics_loop() {
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(10)).await;
    }
}
