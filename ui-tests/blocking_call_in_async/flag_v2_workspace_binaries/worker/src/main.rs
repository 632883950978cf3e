struct Job;

impl Job {
    /// Run by a spawned task: on a worker thread.
    async fn run(&self) {
        let _ = std::fs::read_to_string("/etc/worker.toml"); //~ blocking_call_in_async
    }
}

#[tokio::main]
async fn main() {
    let _ = Job;
    // `queue::next()` is another crate's: the `run` it calls may be any
    // `run` of this binary, never one of the other binary's.
    let handle = tokio::spawn(async move { queue::next().run().await });
    handle.await.unwrap();
}
