// Tasks spawned on the runtime a fn of another file returns.
mod rt;

/// `rt::runtime()` returns a shared `&'static Runtime`: flagged, with a
/// note at that fn.
pub fn start() {
    rt::runtime().spawn(async { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    });
}

/// Near miss: `rt::fresh()` returns a `Runtime` by value, dropped (with its
/// tasks) at the end of the statement.
pub fn start_fresh() {
    rt::fresh().spawn(async {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    });
}
