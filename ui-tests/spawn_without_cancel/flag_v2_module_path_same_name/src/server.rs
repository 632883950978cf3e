// A call through a module path is the fn of that module, not this file's
// fn of the same name.
use crate::metrics;

pub async fn run() {
    loop {
        tokio::task::yield_now().await;
    }
}

pub async fn pump() {
    tokio::task::yield_now().await;
}

// Near misses: `metrics::run` ends, whatever this file's `run` does.
pub fn start_metrics() {
    tokio::spawn(metrics::run());
}

pub fn start_metrics_by_crate_path() {
    tokio::spawn(crate::metrics::run());
}

pub fn start_metrics_boxed() {
    tokio::spawn(Box::pin(metrics::run()));
}

// `metrics::pump` loops, though this file's `pump` ends.
pub fn start_pump() {
    tokio::spawn(metrics::pump()); //~ spawn_without_cancel
}

// This file's own `run`, by `self::` and by its crate path.
pub fn start_self() {
    tokio::spawn(self::run()); //~ spawn_without_cancel
}

pub fn start_by_crate_path() {
    tokio::spawn(crate::server::run()); //~ spawn_without_cancel
}
