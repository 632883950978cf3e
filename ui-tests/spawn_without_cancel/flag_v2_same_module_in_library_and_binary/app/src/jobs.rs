pub fn start() {
    tracing::info!("jobs are started by the scheduler");
}
