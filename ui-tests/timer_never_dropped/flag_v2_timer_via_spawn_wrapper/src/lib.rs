// A spawn wrapper of another file (tasks.rs) is given a call of a fn of a
// third file (metrics.rs) whose interval lives as long as the task: forever.
mod metrics;
mod tasks;

pub fn start_metrics(url: String) {
    tasks::spawn_named("metrics", metrics::report_forever(url)); //~ spawn_without_cancel
}

// The same through an async block that awaits the fn.
pub fn start_compaction() {
    tasks::spawn_named("compact", async move { //~ spawn_without_cancel
        metrics::compact_forever().await;
    });
}

// Near misses: a fn that awaits its argument, and one that returns the
// handle, are no spawn wrappers: the intervals they run are not reported.
pub async fn poll_inline() {
    tasks::run_inline(metrics::poll_forever()).await;
}

pub fn poll_kept() -> tokio::task::JoinHandle<()> {
    tasks::spawn_kept(metrics::sample_forever())
}
