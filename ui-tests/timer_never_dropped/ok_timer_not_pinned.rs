// Near misses for case 3 in detached endless tasks: timers created and
// finished within one turn, a timer that the loop never polls, a timer that
// is never moved into the task. `spawn_without_cancel` reports each task;
// `timer_never_dropped` must not report any timer here.
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{interval, sleep, timeout};

pub struct Registry;
async fn flush_metrics(_registry: &Registry) {}
async fn poll_queue() {}

/// Timers created and finished within one iteration.
pub fn per_turn_timers(mut rx: mpsc::Receiver<u32>) {
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            sleep(Duration::from_secs(1)).await;
            let _ = timeout(Duration::from_millis(50), poll_queue()).await;
            tokio::select! {
                _ = sleep(Duration::from_millis(10)) => {}
                Some(_x) = rx.recv() => {}
            }
        }
    });
}

/// A timer created before the loop but not polled in it.
pub fn not_polled(registry: Arc<Registry>) {
    tokio::spawn(async move { //~ spawn_without_cancel
        let tick = interval(Duration::from_secs(10));
        let period = tick.period();
        loop {
            sleep(period).await;
            flush_metrics(&registry).await;
        }
    });
}

/// The interval is created outside but another name is polled in the task.
pub fn unrelated_binding(registry: Arc<Registry>) {
    let _warmup = interval(Duration::from_secs(1));
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            let registry = registry.clone();
            flush_metrics(&registry).await;
            sleep(Duration::from_secs(1)).await;
        }
    });
}
