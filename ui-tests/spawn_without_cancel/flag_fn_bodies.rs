// Task bodies that are fns and methods of this file, and select! loops
// without a cancellation branch.
use tokio::sync::mpsc;
use tokio::time::{interval, Duration};

async fn pump(mut rx: mpsc::Receiver<Event>, sink: Sink) {
    loop {
        tokio::select! {
            Some(ev) = rx.recv() => sink.write(ev).await,
            _ = tokio::time::sleep(Duration::from_secs(1)) => sink.flush().await,
        }
    }
}

pub fn start_pump(rx: mpsc::Receiver<Event>, sink: Sink) {
    tokio::spawn(pump(rx, sink)); //~ spawn_without_cancel
}

pub struct Poller {
    client: Client,
}

impl Poller {
    async fn run(self) {
        let mut tick = interval(Duration::from_secs(30)); //~ timer_never_dropped
        loop {
            tick.tick().await;
            self.client.poll().await;
        }
    }

    async fn watch(&self) {
        loop {
            self.client.watch().await;
        }
    }

    pub fn start(self) {
        tokio::spawn(Self::run(self)); //~ spawn_without_cancel
    }

    pub fn start_watch(&'static self) {
        tokio::spawn(self.watch()); //~ spawn_without_cancel
    }
}
