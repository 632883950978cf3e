// v2 case 3: a timer kept in a struct field, built by a literal of the
// struct (in its constructor or anywhere in this file), pinned by a
// detached task that runs a method taking `self` and polls the field in an
// endless loop.
use std::time::Duration;

use tokio::time::{interval, Interval, Sleep};
use tokio_util::sync::CancellationToken;

pub struct Heartbeat {
    every: Interval,
    peer: String,
}

impl Heartbeat {
    pub fn new(peer: String) -> Self {
        Heartbeat { every: interval(Duration::from_secs(5)), peer } //~ timer_never_dropped
    }

    async fn run(mut self) {
        loop {
            self.every.tick().await;
            println!("beat {}", self.peer);
        }
    }
}

pub fn start(peer: String) {
    let hb = Heartbeat::new(peer);
    tokio::spawn(hb.run()); //~ spawn_without_cancel
}

// `Self { … }`, the field polled in a `select!` branch.
pub struct Poller {
    tick: Interval,
    wake: tokio::sync::mpsc::Receiver<()>,
}

impl Poller {
    pub fn new(wake: tokio::sync::mpsc::Receiver<()>) -> Self {
        let tick = tokio::time::interval(Duration::from_secs(1)); //~ timer_never_dropped
        Self { tick, wake }
    }

    async fn run(mut self) {
        loop {
            tokio::select! {
                _ = self.tick.tick() => println!("poll"),
                Some(()) = self.wake.recv() => println!("woken"),
            }
        }
    }
}

pub fn start_poller(wake: tokio::sync::mpsc::Receiver<()>) {
    tokio::spawn(Poller::new(wake).run()); //~ spawn_without_cancel
}

// The method called in the task's async block, on a value moved in or made
// there.
pub struct Pinger {
    every: Interval,
}

impl Pinger {
    async fn ping_forever(&mut self) {
        loop {
            self.every.tick().await;
            println!("ping");
        }
    }
}

pub fn start_pinger() {
    let mut pinger = Pinger { every: interval(Duration::from_secs(2)) }; //~ timer_never_dropped
    tokio::spawn(async move { //~ spawn_without_cancel
        pinger.ping_forever().await;
    });
}

pub fn start_pinger_inside() {
    tokio::spawn(async move { //~ spawn_without_cancel
        let mut pinger = Pinger { every: tokio::time::interval(Duration::from_secs(3)) }; //~ timer_never_dropped
        pinger.ping_forever().await;
    });
}

// Near-miss: the loop observes cancellation.
pub struct Reporter {
    every: Interval,
    token: CancellationToken,
}

impl Reporter {
    pub fn new(token: CancellationToken) -> Self {
        Reporter { every: interval(Duration::from_secs(5)), token }
    }

    async fn run(mut self) {
        loop {
            tokio::select! {
                _ = self.token.cancelled() => break,
                _ = self.every.tick() => println!("report"),
            }
        }
    }
}

pub fn start_reporter(token: CancellationToken) {
    tokio::spawn(Reporter::new(token).run());
}

// Near-miss: the handle is kept and awaited.
pub async fn run_once(peer: String) {
    let handle = tokio::spawn(Heartbeat::new(peer).run());
    let _ = handle.await;
}

// Near-miss: the loop never polls the timer field.
pub struct Idle {
    every: Interval,
    deadline: std::pin::Pin<Box<Sleep>>,
}

impl Idle {
    pub fn new() -> Self {
        Idle {
            every: interval(Duration::from_secs(5)),
            deadline: Box::pin(tokio::time::sleep(Duration::from_secs(60))),
        }
    }

    async fn run(self) {
        loop {
            println!("{:?}", self.every.period());
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
}

pub fn start_idle() {
    tokio::spawn(Idle::new().run()); //~ spawn_without_cancel
}
