// A spawn wrapper of another file named otherwise than `spawn…` (`detach`,
// in tasks.rs) is given a task made by a call: the fn called, in a third
// file, pins a timer for as long as the task runs (forever), whether it
// makes the timer itself (metrics.rs) or gets it from a fn of a fourth
// file (window.rs gets it from ticks.rs).
mod metrics;
mod tasks;
mod ticks;
mod window;

use std::time::Duration;

pub fn start_metrics(url: String) {
    tasks::detach("metrics", metrics::report_forever(url)); //~ spawn_without_cancel
}

pub fn start_window(keys: tokio::sync::mpsc::Receiver<u64>) {
    let win = window::WindowOp {
        width: Duration::from_secs(10),
    };
    tasks::detach("window", win.run(keys)); //~ spawn_without_cancel
}

// Near misses: a fn that awaits its argument, and one that keeps it, are
// no spawn wrappers: the intervals they run are not reported.
pub async fn poll_inline() {
    tasks::run_inline(metrics::poll_forever()).await;
}

pub fn queue_sampling() -> usize {
    let mut jobs = Vec::new();
    tasks::enqueue(&mut jobs, metrics::sample_forever());
    jobs.len()
}
