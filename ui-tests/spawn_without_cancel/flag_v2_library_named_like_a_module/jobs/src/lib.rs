pub mod gc;

/// Called once, from `main` (`jobs::init()`): its workers live as long as
/// the process. Not flagged, although `ingest` has an `init` too.
pub async fn init() {
    tokio::spawn(async {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    });
    crate::start_gc();
}

/// Reached only through `crate::start_gc()` in `jobs::init`: not flagged.
fn start_gc() {
    gc::sweep_forever();
}
