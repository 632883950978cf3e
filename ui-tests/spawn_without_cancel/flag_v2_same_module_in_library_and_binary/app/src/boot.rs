pub async fn init() {
    tokio::spawn(jobsvc::metrics::flush_forever());
}
