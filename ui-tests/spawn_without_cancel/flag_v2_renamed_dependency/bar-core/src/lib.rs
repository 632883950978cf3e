pub mod task;
pub mod util;

/// Reports statistics for as long as the process lives.
pub fn start_reporter() {
    tokio::spawn(async { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(60)).await;
            tracing::info!("stats");
        }
    });
}

/// The same, for a daemon that starts it once from `main`.
pub fn start_daemon_reporter() {
    tokio::spawn(async {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(60)).await;
            tracing::info!("daemon stats");
        }
    });
}
