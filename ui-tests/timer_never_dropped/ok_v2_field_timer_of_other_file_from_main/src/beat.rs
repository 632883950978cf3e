use std::time::Duration;

use tokio::time::{interval, Interval};

pub struct Heartbeat {
    every: Interval,
    peer: String,
}

impl Heartbeat {
    pub fn new(peer: String) -> Self {
        Heartbeat {
            every: interval(Duration::from_secs(5)),
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
