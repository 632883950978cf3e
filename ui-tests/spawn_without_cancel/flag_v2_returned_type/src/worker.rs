use std::sync::Arc;

pub struct Worker;
pub struct Builder;
pub struct Pool(Vec<Worker>);

pub fn make() -> Worker {
    Worker
}

pub async fn fetch() -> Result<Arc<Worker>, ()> {
    Ok(Arc::new(Worker))
}

impl Pool {
    pub fn get(&self) -> Option<&Worker> {
        self.0.first()
    }
}

impl Worker {
    pub fn open() -> std::io::Result<Self> {
        Ok(Worker)
    }

    pub fn builder() -> Builder {
        Builder
    }

    pub async fn run(&self) {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    }
}

impl Builder {
    pub async fn run(&self) {
        for _ in 0..3 {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    }
}
