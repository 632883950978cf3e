// A value whose type is a type parameter may be of any type: its method
// calls may be any method of the name.
pub trait Job {
    async fn start(&self);
    async fn stop(&self);
}

pub struct Worker;

impl Worker {
    // Flagged: `run` starts any `Job` in a spawned task, maybe a `Worker`.
    pub async fn start(&self) {
        let _ = std::fs::read("state.json"); //~ blocking_call_in_async
    }

    // Flagged: `Pool<J>` stops its job in a spawned task.
    pub async fn stop(&self) {
        let _ = std::fs::write("state.json", b""); //~ blocking_call_in_async
    }

    // Not flagged: only `main` calls it.
    pub async fn load(&self) {
        let _ = std::fs::read("config.json");
    }
}

pub fn run<T: Job + Send + 'static>(job: T) {
    tokio::spawn(async move { job.start().await });
}

pub struct Pool<J> {
    job: J,
}

impl<J: Job + Send + Sync + 'static> Pool<J> {
    pub fn shut_down(self) {
        tokio::spawn(async move { self.job.stop().await });
    }
}

#[tokio::main]
async fn main() {
    let worker = Worker;
    worker.load().await;
    worker.start().await;
    worker.stop().await;
}
