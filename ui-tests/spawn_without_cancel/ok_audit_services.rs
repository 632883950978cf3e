// An independent reader's near-misses from RULES.md: loops that end, loops
// that observe or are wrapped by cancellation, kept handles, JoinSet, and
// task bodies leaklint cannot see. Nothing here is flagged.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{broadcast, mpsc, oneshot, watch, Notify};
use tokio::task::{JoinHandle, JoinSet};
use tokio::time::sleep;
use tokio_util::sync::CancellationToken;

pub struct Service {
    worker: Option<JoinHandle<()>>,
    handles: Vec<JoinHandle<()>>,
}

impl Service {
    /// Handles stored in a field and pushed into a Vec.
    pub fn start(&mut self) {
        self.worker = Some(tokio::spawn(async move {
            loop {
                tick().await;
            }
        }));
        let h = tokio::spawn(async move {
            loop {
                tick().await;
            }
        });
        self.handles.push(h);
    }

    /// What keeps the stored handles stoppable: something reads them to abort.
    pub fn shutdown(&mut self) {
        if let Some(worker) = self.worker.take() {
            worker.abort();
        }
        for h in self.handles.drain(..) {
            h.abort();
        }
    }

    /// The spawn call is the function's tail expression.
    pub fn spawn_ticker() -> JoinHandle<()> {
        tokio::spawn(async move {
            loop {
                tick().await;
            }
        })
    }
}

/// Awaited, aborted, passed on, awaited under a timeout.
pub async fn kept_handles() {
    let awaited = tokio::spawn(async move {
        loop {
            tick().await;
        }
    });
    awaited.await.unwrap();
    let aborted = tokio::spawn(async move {
        loop {
            tick().await;
        }
    });
    sleep(Duration::from_secs(1)).await;
    aborted.abort();
    let registered = tokio::spawn(async move {
        loop {
            tick().await;
        }
    });
    register(registered);
    let timed = tokio::spawn(async move {
        loop {
            tick().await;
        }
    });
    let _ = tokio::time::timeout(Duration::from_secs(1), timed).await; //~ join_handle_dropped_by_race
}

/// `spawn_blocking` with a kept handle follows the task rules.
pub async fn blocking_kept() {
    let h = tokio::task::spawn_blocking(move || loop {
        flush_to_disk();
    });
    h.await.unwrap();
}

/// Argument of another call.
pub fn abort_on_drop() -> tokio_util::task::AbortOnDropHandle<()> {
    tokio_util::task::AbortOnDropHandle::new(tokio::spawn(async {
        loop {
            tick().await;
        }
    }))
}

/// Cancellation observed in the loop.
pub fn observed(
    token: CancellationToken,
    mut shutdown_rx: watch::Receiver<bool>,
    mut stop: broadcast::Receiver<()>,
    close_notify: Arc<Notify>,
    mut quit_rx: oneshot::Receiver<()>,
) {
    let t = token.clone();
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = t.cancelled() => break,
                _ = sleep(Duration::from_secs(1)) => tick().await,
            }
        }
    });
    let t = token.clone();
    tokio::spawn(async move {
        loop {
            if t.is_cancelled() {
                return;
            }
            tick().await;
        }
    });
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = shutdown_rx.changed() => tracing::info!("shutting down"),
                _ = tick() => {}
            }
        }
    });
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = stop.recv() => {}
                _ = tick() => {}
            }
        }
    });
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = close_notify.notified() => {}
                _ = tick() => {}
            }
        }
    });
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = &mut quit_rx => break,
                _ = tick() => {}
            }
        }
    });
}

/// Loops wrapped by cancellation.
pub fn wrapped(token: CancellationToken) {
    let t = token.clone();
    tokio::spawn(async move {
        t.run_until_cancelled(async {
            loop {
                tick().await;
            }
        })
        .await;
    });
    let t = token.clone();
    tokio::spawn(async move {
        tokio::select! {
            _ = t.cancelled() => {}
            _ = async { loop { tick().await; } } => {}
        }
    });
    tokio::spawn(tokio::time::timeout(Duration::from_secs(60), async {
        loop {
            tick().await;
        }
    }));
}

/// Loops that end.
pub fn loops_end(mut rx: mpsc::Receiver<u32>, mut other: mpsc::Receiver<u32>) {
    tokio::spawn(async move {
        while let Some(x) = rx.recv().await {
            handle(x).await;
        }
    });
    tokio::spawn(async move {
        loop {
            tokio::select! {
                msg = other.recv() => match msg {
                    Some(m) => handle(m).await,
                    None => break,
                },
                _ = sleep(Duration::from_secs(1)) => {}
            }
        }
    });
    tokio::spawn(async move {
        loop {
            fallible().await?;
        }
        #[allow(unreachable_code)]
        Ok::<(), std::io::Error>(())
    });
    tokio::spawn(async move {
        'outer: loop {
            loop {
                if tick().await {
                    break 'outer;
                }
            }
        }
    });
    tokio::spawn(async move {
        for _ in 0..3 {
            tick().await;
        }
    });
}

/// Threads that watch a stop flag or a stop channel.
pub fn threads(stop: Arc<AtomicBool>, stop_rx: std::sync::mpsc::Receiver<()>) {
    let flag = stop.clone();
    std::thread::spawn(move || loop {
        if flag.load(Ordering::Relaxed) {
            break;
        }
        flush_to_disk();
    });
    std::thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            flush_to_disk();
        }
    });
    std::thread::spawn(move || loop {
        if stop_rx.try_recv().is_ok() {
            break;
        }
        flush_to_disk();
    });
}

/// A thread polling a shutdown receiver without blocking observes it, even
/// when it leaves through `process::exit` rather than `break`.
pub fn thread_polls_shutdown(shutdown_rx: std::sync::mpsc::Receiver<()>) {
    std::thread::spawn(move || loop {
        if shutdown_rx.try_recv().is_ok() {
            flush_to_disk();
            std::process::exit(0);
        }
        flush_to_disk();
        std::thread::sleep(Duration::from_millis(100));
    });
}

/// JoinSet aborts its tasks on drop; smol's Task cancels on drop.
pub async fn sets() -> smol::Task<()> {
    let mut set = JoinSet::new();
    set.spawn(async move {
        loop {
            tick().await;
        }
    });
    set.join_next().await;
    smol::spawn(async {
        loop {
            tick().await;
        }
    })
}

/// A runtime returned by the function that spawned on it owns the task.
pub fn owned_runtime() -> tokio::runtime::Runtime {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.spawn(async {
        loop {
            tick().await;
        }
    });
    rt
}

/// Bodies leaklint cannot see: fns of another file or crate.
pub fn elsewhere() {
    tokio::spawn(crate::workers::run_forever());
    tokio::spawn(run_elsewhere());
}

/// A local fn named `spawn` is not tokio's.
fn spawn<F>(_f: F) {}

pub fn local_spawn() {
    spawn(async {
        loop {
            tick().await;
        }
    });
}
