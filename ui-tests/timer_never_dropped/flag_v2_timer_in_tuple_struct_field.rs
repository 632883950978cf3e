// Case 3: a timer kept in a tuple struct's field (`Warmer(interval(d),
// keys)`, or `Self(…)`) and polled as `self.0` in the endless loop of a
// detached task is pinned as a named field's is. Near misses: the field
// polled is not the timer's, and a loop that observes its token.
use std::time::Duration;

use tokio::time::{interval, Interval};
use tokio_util::sync::CancellationToken;

pub struct Warmer(Interval, Vec<String>);

impl Warmer {
    pub fn new(keys: Vec<String>) -> Self {
        Warmer(interval(Duration::from_secs(300)), keys) //~ timer_never_dropped
    }

    pub async fn run(mut self) {
        loop {
            self.0.tick().await;
            for key in &self.1 {
                tracing::debug!(key, "warmed");
            }
        }
    }
}

pub fn start_warmer(keys: Vec<String>) {
    tokio::spawn(Warmer::new(keys).run()); //~ spawn_without_cancel
}

pub struct Pinger(Vec<String>, Interval);

impl Pinger {
    pub fn new(hosts: Vec<String>) -> Self {
        Self(hosts, interval(Duration::from_secs(10))) //~ timer_never_dropped
    }

    pub async fn run(mut self) {
        loop {
            self.1.tick().await;
            tracing::debug!(hosts = self.0.len(), "pinged");
        }
    }
}

pub fn start_pinger(hosts: Vec<String>) {
    tokio::spawn(Pinger::new(hosts).run()); //~ spawn_without_cancel
}

pub struct Quiet(Interval, CancellationToken);

impl Quiet {
    pub fn new(token: CancellationToken) -> Self {
        Quiet(interval(Duration::from_secs(10)), token)
    }

    pub async fn run(mut self) {
        loop {
            tokio::select! {
                _ = self.1.cancelled() => break,
                _ = self.0.tick() => {}
            }
        }
    }
}

pub fn start_quiet(token: CancellationToken) {
    tokio::spawn(Quiet::new(token).run());
}
