use std::time::Duration;

use tokio::time::{interval, Interval};
use tokio_util::sync::CancellationToken;

pub struct Heartbeat {
    every: Interval,
    peer: String,
}

impl Heartbeat {
    pub fn new(peer: String) -> Self {
        Heartbeat {
            every: interval(Duration::from_secs(5)), //~ timer_never_dropped
            peer,
        }
    }

    pub async fn run(mut self) {
        loop {
            self.every.tick().await;
            println!("beat {}", self.peer);
        }
    }
}

pub struct Watchdog {
    every: Interval,
    token: CancellationToken,
}

impl Watchdog {
    pub fn new(token: CancellationToken) -> Self {
        Watchdog {
            every: interval(Duration::from_secs(1)),
            token,
        }
    }

    pub async fn run(mut self) {
        loop {
            tokio::select! {
                _ = self.token.cancelled() => break,
                _ = self.every.tick() => println!("still alive"),
            }
        }
    }
}

pub struct Sampler {
    every: Interval,
}

impl Sampler {
    pub fn new() -> Self {
        let every = interval(Duration::from_millis(500));
        Sampler { every }
    }

    pub async fn run(mut self) {
        loop {
            self.every.tick().await;
            println!("sample");
        }
    }
}
