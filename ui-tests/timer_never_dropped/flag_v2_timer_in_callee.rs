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
