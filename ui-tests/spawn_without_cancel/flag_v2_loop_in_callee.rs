// v2: the task body calls the fn that loops. leaklint follows the calls of a
// task body into the fns of the crate (here: of this file), `call_depth`
// (4) calls deep, and reports the spawn with a note per call.
use std::time::Duration;
use tokio::sync::mpsc;

pub struct Worker {
    rx: mpsc::Receiver<u64>,
}

impl Worker {
    pub fn new(rx: mpsc::Receiver<u64>) -> Worker {
        Worker { rx }
    }

    /// The loop is in a method the task calls through `self`.
    pub fn start(self) {
        tokio::spawn(async move { self.run().await }); //~ spawn_without_cancel
    }

    async fn run(mut self) {
        loop {
            if let Ok(n) = self.rx.try_recv() {
                record(n);
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

/// A receiver whose type its `let` says: `Worker::new(…)`.
pub fn start_worker(rx: mpsc::Receiver<u64>) {
    let worker = Worker::new(rx);
    tokio::spawn(async move { //~ spawn_without_cancel
        worker.run().await;
    });
}

/// A free fn called as the spawn's argument.
pub fn start_pump(rx: mpsc::Receiver<u64>) {
    tokio::spawn(pump(rx)); //~ spawn_without_cancel
}

async fn pump(rx: mpsc::Receiver<u64>) {
    setup().await;
    heartbeat(rx).await;
}

/// Three calls deep: the task body calls `level1`, which calls `level2`,
/// which calls `level3`, which loops.
pub fn start_deep() {
    tokio::spawn(async move { //~ spawn_without_cancel
        level1().await;
    });
}

async fn level1() {
    level2().await
}

async fn level2() {
    level3().await
}

async fn level3() {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        flush();
    }
}

/// Recursion on the way does not hide the loop, nor loop forever.
pub fn start_recursive() {
    tokio::spawn(async move { ping(3).await }); //~ spawn_without_cancel
}

async fn ping(n: u32) {
    if n > 0 {
        Box::pin(ping(n - 1)).await;
    }
    pong().await;
}

async fn pong() {
    loop {
        flush();
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

async fn setup() {}

async fn heartbeat(mut rx: mpsc::Receiver<u64>) {
    loop {
        let _ = rx.try_recv();
        tokio::time::sleep(Duration::from_secs(5)).await;
    }
}

fn record(_: u64) {}
fn flush() {}
