use std::time::Duration;

// Not the library's `warmers::start_all`, which `main` calls by the
// library's name: nothing calls this one.
pub fn start_all(url: String) {
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            tracing::debug!(%url, "warm");
            tokio::time::sleep(Duration::from_secs(30)).await;
        }
    });
}
