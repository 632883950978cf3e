// v2, case 3 through calls: the timer is created and polled in a fn that a
// detached task runs (`poller.run()`), before that fn's endless loop.
use std::time::Duration;

pub struct Poller;

impl Poller {
    async fn run(self) {
        let mut interval = tokio::time::interval(Duration::from_secs(5)); //~ timer_never_dropped
        loop {
            interval.tick().await;
            poll().await;
        }
    }
}

pub fn start(poller: Poller) {
    tokio::spawn(async move { poller.run().await }); //~ spawn_without_cancel
}

async fn poll() {}

/// The same fn run by two tasks: one that only `main` starts (for the life
/// of the process), one started per connection. The second pins the timer.
pub struct Checker;

impl Checker {
    async fn check_forever(&self) {
        let mut every = tokio::time::interval(Duration::from_secs(1)); //~ timer_never_dropped
        loop {
            every.tick().await;
            poll().await;
        }
    }
}

fn start_global() {
    let checker = Checker;
    tokio::spawn(async move { checker.check_forever().await });
}

pub fn on_connect() {
    let checker = Checker;
    tokio::spawn(async move { checker.check_forever().await }); //~ spawn_without_cancel
}

#[tokio::main]
async fn main() {
    start_global();
}
