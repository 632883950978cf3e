pub mod ticker;

use std::time::Duration;

pub fn start_gossip() {
    tokio::spawn(async {
        let mut tick = ticker::every(Duration::from_secs(1));
        loop {
            tick.tick().await;
            gossip().await;
        }
    });
}

pub fn start_heartbeat() {
    tokio::spawn(heartbeat());
}

async fn heartbeat() {
    let mut beat = ticker::beat(Duration::from_secs(10));
    loop {
        beat.tick().await;
        gossip().await;
    }
}

async fn gossip() {}
