use std::time::Duration;

pub fn start_reporting() {
    tokio::spawn(async {
        loop {
            tracing::info!("report");
            tokio::time::sleep(Duration::from_secs(60)).await;
        }
    });
}
