// v2 case 3: a timer made in a detached task's body and handed to a fn of
// this file whose endless loop polls it: the task pins it as if the loop
// were in the body.
use std::time::Duration;

use tokio::time::{interval, Interval};
use tokio_util::sync::CancellationToken;

async fn publish() {}

async fn publish_every(mut iv: Interval) {
    loop {
        iv.tick().await;
        publish().await;
    }
}

async fn heartbeat(iv: &mut Interval, name: &str) {
    loop {
        iv.tick().await;
        println!("{name} alive");
    }
}

pub fn start(period: Duration) {
    tokio::spawn(async move { //~ spawn_without_cancel
        let iv = interval(period); //~ timer_never_dropped
        publish_every(iv).await;
    });
}

pub fn start_heartbeat(period: Duration) {
    tokio::spawn(async move { //~ spawn_without_cancel
        let mut ticker = tokio::time::interval(period); //~ timer_never_dropped
        heartbeat(&mut ticker, "worker").await;
    });
}

// Near-miss: the callee's loop observes cancellation.
async fn publish_until(mut iv: Interval, token: CancellationToken) {
    loop {
        tokio::select! {
            _ = token.cancelled() => break,
            _ = iv.tick() => publish().await,
        }
    }
}

pub fn start_stoppable(period: Duration, token: CancellationToken) {
    tokio::spawn(async move {
        let iv = interval(period);
        publish_until(iv, token).await;
    });
}

// Near-miss: the callee's loop ends.
async fn publish_n(mut iv: Interval, n: usize) {
    for _ in 0..n {
        iv.tick().await;
        publish().await;
    }
}

pub fn start_bounded(period: Duration) {
    tokio::spawn(async move {
        let iv = interval(period);
        publish_n(iv, 10).await;
    });
}

// Near-miss: the handle is kept and aborted.
pub struct Publisher {
    task: tokio::task::JoinHandle<()>,
}

impl Publisher {
    pub fn new(period: Duration) -> Publisher {
        let task = tokio::spawn(async move {
            let iv = interval(period);
            publish_every(iv).await;
        });
        Publisher { task }
    }
}

impl Drop for Publisher {
    fn drop(&mut self) {
        self.task.abort();
    }
}

// Near-miss: the loop never polls the timer it is given.
async fn spin_publishing(_iv: Interval) {
    loop {
        publish().await;
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

pub fn start_unpolled(period: Duration) {
    tokio::spawn(async move { //~ spawn_without_cancel
        let iv = interval(period);
        spin_publishing(iv).await;
    });
}
