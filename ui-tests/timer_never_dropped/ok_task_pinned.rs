// Near misses for case 3: loops that end or observe cancellation, kept
// handles, wrapped loops, unspawned async fns, task fns of another file.
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{mpsc, watch};
use tokio::task::JoinSet;
use tokio::time::{interval, sleep, Interval};
use tokio_util::sync::CancellationToken;

pub struct Registry;
async fn flush_metrics(_registry: &Registry) {}
async fn send_heartbeat() -> Result<(), std::io::Error> {
    Ok(())
}
async fn poll_queue() {}

/// The loop observes a CancellationToken.
pub fn reporter_with_token(registry: Arc<Registry>, token: CancellationToken) {
    let mut tick = interval(Duration::from_secs(10));
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = token.cancelled() => break,
                _ = tick.tick() => flush_metrics(&registry).await,
            }
        }
    });
}

/// The loop observes a shutdown channel without breaking out of it by name.
pub fn reporter_with_shutdown(registry: Arc<Registry>, mut shutdown_rx: watch::Receiver<bool>) {
    tokio::spawn(async move {
        let mut tick = interval(Duration::from_secs(10));
        loop {
            tokio::select! {
                _ = shutdown_rx.changed() => return,
                _ = tick.tick() => flush_metrics(&registry).await,
            }
        }
    });
}

/// The loop ends on the first failed heartbeat (`?`).
pub fn heartbeat_until_error() {
    tokio::spawn(async move {
        let mut beat = interval(Duration::from_secs(5));
        loop {
            beat.tick().await;
            send_heartbeat().await?;
        }
        #[allow(unreachable_code)]
        Ok::<(), std::io::Error>(())
    });
}

/// The loop ends when the sender goes away.
pub fn drain(mut rx: mpsc::Receiver<u32>) {
    tokio::spawn(async move {
        let mut tick = interval(Duration::from_millis(100));
        while let Some(_job) = rx.recv().await {
            tick.tick().await;
        }
    });
}

/// The handle is kept and aborted on shutdown.
pub struct Reporter {
    task: tokio::task::JoinHandle<()>,
}

impl Reporter {
    pub fn start(registry: Arc<Registry>) -> Reporter {
        let mut tick = interval(Duration::from_secs(10));
        let task = tokio::spawn(async move {
            loop {
                tick.tick().await;
                flush_metrics(&registry).await;
            }
        });
        Reporter { task }
    }

    pub fn stop(&self) {
        self.task.abort();
    }
}

/// JoinSet aborts its tasks on drop.
pub fn in_a_join_set(set: &mut JoinSet<()>) {
    let mut tick = interval(Duration::from_secs(1));
    set.spawn(async move {
        loop {
            tick.tick().await;
            poll_queue().await;
        }
    });
}

/// The loop is wrapped by cancellation.
pub fn wrapped(token: CancellationToken) {
    let mut tick = interval(Duration::from_secs(1));
    tokio::spawn(async move {
        token
            .run_until_cancelled(async move {
                loop {
                    tick.tick().await;
                    poll_queue().await;
                }
            })
            .await;
    });
}

/// An async fn that loops on an interval but is not spawned in this file.
pub async fn heartbeat_loop(mut beat: Interval) {
    loop {
        beat.tick().await;
        let _ = send_heartbeat().await;
    }
}

pub async fn reporter_loop(registry: Arc<Registry>) {
    let mut tick = interval(Duration::from_secs(10));
    loop {
        tick.tick().await;
        flush_metrics(&registry).await;
    }
}

/// The task body is a fn defined in another file.
pub fn spawned_elsewhere(registry: Arc<Registry>) {
    tokio::spawn(crate::reporter::run(
        registry,
        interval(Duration::from_secs(10)),
    ));
}

/// `sleep` raced in a select! inside a loop that observes cancellation.
pub fn sleep_branch_with_shutdown(registry: Arc<Registry>, mut stop_rx: mpsc::Receiver<()>) {
    tokio::spawn(async move {
        let idle = sleep(Duration::from_secs(30));
        tokio::pin!(idle);
        loop {
            tokio::select! {
                _ = stop_rx.recv() => break,
                _ = &mut idle => flush_metrics(&registry).await,
            }
        }
    });
}
