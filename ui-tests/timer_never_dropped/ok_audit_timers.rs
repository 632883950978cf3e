// An independent reader's near-misses from RULES.md: timers that are
// dropped every iteration, timers in loops that end or observe
// cancellation, kept task handles, unspawned async fns.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;
use tokio::time::{self, interval, sleep, timeout};
use tokio_util::sync::CancellationToken;

/// Finished within one iteration.
pub async fn per_iteration(stop: Arc<AtomicBool>) {
    loop {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        sleep(Duration::from_secs(1)).await;
        let _ = timeout(Duration::from_secs(1), work()).await;
        tokio::select! {
            _ = sleep(Duration::from_millis(10)) => {}
            _ = work() => {}
        }
    }
}

/// The task observes cancellation, or its loop ends, or its handle is kept.
pub fn cancellable(token: CancellationToken, mut shutdown: watch::Receiver<bool>) {
    tokio::spawn(async move {
        let mut ticker = interval(Duration::from_secs(30));
        loop {
            tokio::select! {
                _ = token.cancelled() => break,
                _ = ticker.tick() => flush().await,
            }
        }
    });
    tokio::spawn(async move {
        let mut ticker = interval(Duration::from_secs(30));
        loop {
            tokio::select! {
                _ = ticker.tick() => flush().await,
                _ = shutdown.changed() => {}
            }
        }
    });
}

pub fn ends(mut rx: mpsc::Receiver<u8>) {
    tokio::spawn(async move {
        let mut ticker = interval(Duration::from_secs(1));
        while let Some(_x) = rx.recv().await {
            ticker.tick().await;
        }
    });
    tokio::spawn(async move {
        let mut ticker = interval(Duration::from_secs(1));
        let mut n = 0;
        loop {
            ticker.tick().await;
            n += 1;
            if n > 10 {
                break;
            }
        }
    });
}

pub fn kept() -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticker = interval(Duration::from_secs(30));
        loop {
            ticker.tick().await;
            flush().await;
        }
    })
}

/// A timer created before the loop but finished before it.
pub fn warmup_only() {
    let handle = tokio::spawn(async move {
        time::sleep(Duration::from_secs(1)).await;
        let mut n = 0u64;
        loop {
            n += 1;
            if n == u64::MAX {
                break;
            }
            work().await;
        }
    });
    drop(handle);
}

/// An `async fn` that is not spawned in this file.
pub async fn run_loop() {
    let mut t = time::interval(Duration::from_secs(5));
    loop {
        t.tick().await;
        flush().await;
    }
}

/// Intervals created in loops that end or observe cancellation.
pub async fn rebuilt_but_ends(token: CancellationToken) {
    for _ in 0..3 {
        let mut iv = interval(Duration::from_secs(1));
        iv.tick().await;
    }
    loop {
        let mut iv = interval(Duration::from_millis(50));
        iv.tick().await;
        if work().await {
            break;
        }
    }
    loop {
        let mut iv = interval(Duration::from_millis(50));
        tokio::select! {
            _ = token.cancelled() => break,
            _ = iv.tick() => {}
        }
    }
}
