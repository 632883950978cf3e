use std::time::Duration;

pub async fn start_all() -> Result<(), usize> {
    let mut set = tokio::task::JoinSet::new();
    for name in ["api", "worker"] {
        set.spawn(async move { start_one(name).await });
    }
    let mut failed = 0;
    while let Some(result) = set.join_next().await {
        failed += usize::from(result.is_err());
    }
    if failed > 0 {
        Err(failed)
    } else {
        Ok(())
    }
}

async fn start_one(name: &str) {
    // Beside the other step's task.
    std::thread::sleep(Duration::from_millis(100)); //~ blocking_call_in_async
    println!("{name}");
}

pub fn wait_until_stopped(name: &str) {
    while std::path::Path::new(name).exists() {
        std::thread::sleep(Duration::from_millis(100));
    }
}

pub struct Client;

impl Client {
    pub async fn run(&self, _script: &str) {}
}

pub async fn connect() -> (Client, impl std::future::Future<Output = ()>) {
    (Client, async {})
}

pub async fn probe(name: &'static str) {
    println!("{name}");
}

pub fn log_task<T>(task: &tokio::task::JoinHandle<T>) {
    println!("finished: {}", task.is_finished());
}
