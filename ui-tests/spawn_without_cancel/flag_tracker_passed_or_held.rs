// A TaskTracker waits for its tasks but does not cancel them: `.spawn(…)` on
// one is a spawn call wherever the tracker comes from — a parameter (by
// reference or in an `Arc`), a typed `let`, or a field of `self`. Near
// misses: another type's `spawn` method, a field of another type, a
// tracker's task that observes cancellation, and a JoinSet.
use std::sync::Arc;

use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

pub fn on_parameter(tracker: &TaskTracker) {
    tracker.spawn(async { //~ spawn_without_cancel
        loop {
            refresh().await;
        }
    });
}

pub fn on_shared_parameter(tracker: Arc<TaskTracker>) {
    tracker.spawn(async { //~ spawn_without_cancel
        loop {
            refresh().await;
        }
    });
}

pub struct Service {
    tracker: TaskTracker,
    pool: WorkerPool,
    token: CancellationToken,
}

impl Service {
    pub fn start(&self) {
        self.tracker.spawn(async { //~ spawn_without_cancel
            loop {
                refresh().await;
            }
        });
        self.pool.spawn(async {
            loop {
                refresh().await;
            }
        });
        let token = self.token.clone();
        self.tracker.spawn(async move {
            loop {
                tokio::select! {
                    _ = token.cancelled() => break,
                    _ = refresh() => {}
                }
            }
        });
    }
}

pub fn typed_let(make: fn() -> TaskTracker, set: &mut JoinSet<()>) {
    let tracker: TaskTracker = make();
    tracker.spawn(async { //~ spawn_without_cancel
        loop {
            refresh().await;
        }
    });
    set.spawn(async {
        loop {
            refresh().await;
        }
    });
}

pub struct WorkerPool;

impl WorkerPool {
    pub fn spawn<F>(&self, fut: F) {
        let _ = fut;
    }
}

async fn refresh() {}
