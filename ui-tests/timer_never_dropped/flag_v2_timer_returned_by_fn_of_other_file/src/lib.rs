pub mod ticker;

use std::time::Duration;
use tokio_stream::StreamExt;
use tokio_util::sync::CancellationToken;

pub fn start_gossip() {
    tokio::spawn(async { //~ spawn_without_cancel
        let mut tick = ticker::every(Duration::from_secs(1));
        loop {
            tick.tick().await;
            gossip().await;
        }
    });
}

pub fn start_stream() {
    tokio::spawn(async { //~ spawn_without_cancel
        let mut ticks = ticker::ticks(Duration::from_secs(5));
        loop {
            ticks.next().await;
            gossip().await;
        }
    });
}

pub fn start_heartbeat() {
    tokio::spawn(async { //~ spawn_without_cancel
        heartbeat().await;
    });
}

async fn heartbeat() {
    let mut beat = ticker::heartbeat_every(Duration::from_secs(10));
    loop {
        beat.tick().await;
        gossip().await;
    }
}

pub fn start_sweeper() {
    tokio::spawn(sweep()); //~ spawn_without_cancel
}

async fn sweep() {
    let mut every = ticker::sweep_every(Duration::from_secs(30));
    loop {
        every.tick().await;
        gossip().await;
    }
}

pub fn start_pauses() {
    tokio::spawn(async { //~ spawn_without_cancel
        let pause = ticker::pause(Duration::from_secs(1));
        tokio::pin!(pause);
        loop {
            (&mut pause).await;
            gossip().await;
        }
    });
}

pub fn start_polite(token: CancellationToken) {
    tokio::spawn(async move {
        let mut tick = ticker::polite(Duration::from_secs(1));
        loop {
            tokio::select! {
                _ = token.cancelled() => break,
                _ = tick.tick() => gossip().await,
            }
        }
    });
}

pub struct Supervisor {
    task: tokio::task::JoinHandle<()>,
}

impl Supervisor {
    pub fn start() -> Supervisor {
        let task = tokio::spawn(async {
            let mut tick = ticker::supervised(Duration::from_secs(1));
            loop {
                tick.tick().await;
                gossip().await;
            }
        });
        Supervisor { task }
    }
}

impl Drop for Supervisor {
    fn drop(&mut self) {
        self.task.abort();
    }
}

pub fn start_bounded() {
    tokio::spawn(async {
        let mut tick = ticker::bounded(Duration::from_secs(1));
        for _ in 0..3 {
            tick.tick().await;
            gossip().await;
        }
    });
}

async fn gossip() {}
