pub struct App {
    out: String,
}

impl App {
    pub fn new(out: &str) -> App {
        App { out: out.to_string() }
    }

    /// Run once by `main`, on the main thread: nothing else is on the
    /// runtime. The other binary's `job.run()` cannot call this `run`.
    pub async fn run(&self) {
        let _ = std::fs::remove_dir_all(&self.out);
        tokio::fs::create_dir_all(&self.out).await.unwrap();
    }
}
