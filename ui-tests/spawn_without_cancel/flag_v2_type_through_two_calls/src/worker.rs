use std::time::Duration;

pub struct Builder {}
pub struct Instance {}

impl Builder {
    pub fn build(self) -> Result<Instance, ()> {
        Ok(Instance {})
    }
}

impl Instance {
    pub fn builder() -> Builder {
        Builder {}
    }

    pub async fn run(self) {
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }

    pub async fn serve(self) {
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}
