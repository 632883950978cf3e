use std::time::Duration;

pub fn start(url: String) {
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            tracing::debug!(%url, "poll");
            tokio::time::sleep(Duration::from_secs(30)).await;
        }
    });
}
