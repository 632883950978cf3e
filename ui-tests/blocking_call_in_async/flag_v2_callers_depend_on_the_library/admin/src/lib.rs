pub fn nightly<T: Export + Send + 'static>(mut jobs: Vec<T>) {
    while let Some(job) = jobs.pop() {
        tokio::spawn(async move { job.export().await });
    }
}

pub trait Export {
    async fn export(&self) -> std::io::Result<()>;
}
