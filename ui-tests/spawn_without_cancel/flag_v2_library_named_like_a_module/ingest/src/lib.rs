/// Called on every turn of `main`'s loop: each call detaches another
/// endless task. Flagged.
pub async fn init() {
    tokio::spawn(async { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    });
    crate::start_gc();
}

/// Same name as `jobs`' `start_gc`, reached from the loop: flagged.
fn start_gc() {
    tokio::spawn(async { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
        }
    });
}
