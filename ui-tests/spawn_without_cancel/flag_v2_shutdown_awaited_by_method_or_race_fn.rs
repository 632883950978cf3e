// A loop raced against a shutdown signal that a method call names (its
// receiver's name, or its own name), or raced by `futures::future::select`
// against a shutdown receiver, ends when the signal fires: near misses. The
// same races against futures that are no shutdown signals are reported.
use std::time::Duration;

use futures::future::{self, select};
use tokio::sync::oneshot;

async fn pump() {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

pub struct Shutdown;

impl Shutdown {
    pub async fn wait(&self) {}
    pub async fn wait_shutdown_triggered(&self) {}
}

pub struct Server {
    shutdown: Shutdown,
    metrics: Shutdown,
}

impl Server {
    // Near miss: mini-redis's `shutdown.recv()`, here `shutdown.wait()`.
    pub fn serve(self) {
        tokio::spawn(async move {
            tokio::select! {
                _ = pump() => {}
                _ = self.shutdown.wait() => {}
            }
        });
    }

    // Near miss: a method named for the shutdown it waits for.
    pub fn serve_named(self) {
        tokio::spawn(async move {
            tokio::select! {
                _ = pump() => {}
                _ = self.metrics.wait_shutdown_triggered() => {}
            }
        });
    }

    // Flagged: `metrics.wait()` is no shutdown signal.
    pub fn serve_metrics(self) {
        tokio::spawn(async move { //~ spawn_without_cancel
            tokio::select! {
                _ = pump() => {}
                _ = self.metrics.wait() => {}
            }
        });
    }
}

// Near misses: the race written as a function.
pub fn race_boxed(stop_rx: oneshot::Receiver<()>) {
    tokio::spawn(async move {
        let _ = future::select(Box::pin(pump()), stop_rx).await;
    });
}

pub fn race_bound(stop_rx: oneshot::Receiver<()>) {
    tokio::spawn(async move {
        let work = Box::pin(pump());
        let _ = select(work, stop_rx).await;
    });
}

// Flagged: the other future is no shutdown signal.
pub fn race_two_workers(other: oneshot::Receiver<()>) {
    tokio::spawn(async move { //~ spawn_without_cancel
        let _ = select(Box::pin(pump()), other).await;
    });
}

pub struct Clock;

impl Clock {
    pub fn low_watermark(&self) -> u64 {
        0
    }
}

// Flagged: `low_watermark` says `term` only inside a word.
pub fn publish(clock: Clock) {
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
            let _ = clock.low_watermark();
        }
    });
}
