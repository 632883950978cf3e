// Case 3: a timer bound before the endless loop of a detached task (or
// moved into it from outside) and polled in that loop.
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task;
use tokio::time::{self, interval, sleep_until, Instant, Interval};
use tokio_stream::{wrappers::IntervalStream, StreamExt};

pub struct Registry;
pub struct Cache;
impl Cache {
    fn evict_expired(&self) {}
}

async fn flush_metrics(_registry: &Registry) {}
async fn send_heartbeat() {}
async fn flush_batch(_batch: &mut Vec<String>) {}

/// A metrics reporter: the interval is built outside and moved in.
pub fn start_metrics_reporter(registry: Arc<Registry>) {
    let mut report_tick = interval(Duration::from_secs(10)); //~ timer_never_dropped
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            report_tick.tick().await;
            flush_metrics(&registry).await;
        }
    });
}

/// A heartbeat loop: the interval is built in the task, before the loop.
pub fn start_heartbeat() {
    let _ = task::spawn(async move { //~ spawn_without_cancel
        let mut beat = time::interval(Duration::from_secs(5)); //~ timer_never_dropped
        beat.set_missed_tick_behavior(time::MissedTickBehavior::Skip);
        loop {
            beat.tick().await;
            send_heartbeat().await;
        }
    });
}

/// A cache sweeper polling the interval through a stream adapter.
pub fn start_cache_sweeper(cache: Arc<Cache>) {
    let sweep = interval(Duration::from_secs(60)); //~ timer_never_dropped
    tokio::spawn(async move { //~ spawn_without_cancel
        let mut sweeps = IntervalStream::new(sweep);
        loop {
            sweeps.next().await;
            cache.evict_expired();
        }
    });
}

/// A batcher racing a deadline against incoming items.
pub fn start_batcher(mut rx: mpsc::Receiver<String>) {
    tokio::spawn(async move { //~ spawn_without_cancel
        let mut batch = Vec::new();
        let flush_deadline = sleep_until(Instant::now() + Duration::from_millis(200)); //~ timer_never_dropped
        tokio::pin!(flush_deadline);
        loop {
            tokio::select! {
                _ = &mut flush_deadline => {
                    flush_batch(&mut batch).await;
                    flush_deadline.as_mut().reset(Instant::now() + Duration::from_millis(200));
                }
                Some(item) = rx.recv() => batch.push(item),
            }
        }
    });
}

/// The task body is a fn of this file that receives the interval.
pub fn start_sweeper_fn(cache: Arc<Cache>) {
    tokio::spawn(sweep_forever(cache, interval(Duration::from_secs(30)))); //~ spawn_without_cancel timer_never_dropped
}

async fn sweep_forever(cache: Arc<Cache>, mut every: Interval) {
    loop {
        every.tick().await;
        cache.evict_expired();
    }
}

/// The stream is built in one go before the loop.
pub fn start_stream_reporter(registry: Arc<Registry>) {
    tokio::spawn(async move { //~ spawn_without_cancel
        let mut ticks = IntervalStream::new(time::interval(Duration::from_secs(15))); //~ timer_never_dropped
        while true {
            ticks.next().await;
            flush_metrics(&registry).await;
        }
    });
}
