// v2: the fn a task runs may make the timer and lend it to a fn of the same
// file whose endless loop ticks it (`spawn(poll_source(src))`, and
// `poll_source` does `pump(&src, &mut every).await`), also when the fn is
// one the task calls (`watcher.run()`): the timer lives as long as that
// task. Near misses: a pump whose loop observes a cancellation token, a
// pump whose loop ends after a number of polls, and a task whose handle is
// kept and aborted.
use std::time::Duration;

use tokio::task::JoinHandle;
use tokio::time::{interval, Interval};
use tokio_util::sync::CancellationToken;

pub fn launch(src: String) {
    tokio::spawn(poll_source(src)); //~ spawn_without_cancel
}

async fn poll_source(src: String) {
    let mut every = interval(Duration::from_millis(500)); //~ timer_never_dropped
    pump(&src, &mut every).await;
}

async fn pump(src: &str, every: &mut Interval) {
    loop {
        every.tick().await;
        tracing::debug!(src, "poll");
    }
}

pub struct Watcher {
    path: String,
}

impl Watcher {
    pub fn start(self) {
        tokio::spawn(async move { self.run().await }); //~ spawn_without_cancel
    }

    async fn run(&self) {
        let every = interval(Duration::from_secs(2)); //~ timer_never_dropped
        watch(&self.path, every).await;
    }
}

async fn watch(path: &str, mut every: Interval) {
    loop {
        every.tick().await;
        tracing::debug!(path, "stat");
    }
}

pub fn launch_until(src: String, token: CancellationToken) {
    tokio::spawn(poll_until(src, token));
}

async fn poll_until(src: String, token: CancellationToken) {
    let mut every = interval(Duration::from_millis(500));
    pump_until(&src, &mut every, &token).await;
}

async fn pump_until(src: &str, every: &mut Interval, token: &CancellationToken) {
    loop {
        tokio::select! {
            _ = token.cancelled() => break,
            _ = every.tick() => tracing::debug!(src, "poll"),
        }
    }
}

pub fn launch_bounded(src: String) {
    tokio::spawn(poll_bounded(src));
}

async fn poll_bounded(src: String) {
    let mut every = interval(Duration::from_millis(500));
    pump_bounded(&src, &mut every).await;
}

async fn pump_bounded(src: &str, every: &mut Interval) {
    for _ in 0..10 {
        every.tick().await;
        tracing::debug!(src, "poll");
    }
}

pub fn launch_kept(src: String) -> JoinHandle<()> {
    tokio::spawn(poll_kept(src))
}

async fn poll_kept(src: String) {
    let mut every = interval(Duration::from_millis(500));
    pump(&src, &mut every).await;
}
