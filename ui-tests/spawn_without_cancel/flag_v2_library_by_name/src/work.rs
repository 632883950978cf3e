/// Called once, from `main` (`app::work::start_worker()`): not flagged.
pub fn start_worker() {
    tokio::spawn(async {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    });
}
