use std::time::Duration;

/// Started once by `main` (through the re-export of `db`): lives as long
/// as the process.
pub fn start_reporter() {
    tokio::spawn(async {
        loop {
            tokio::time::sleep(Duration::from_secs(60)).await;
        }
    });
}
