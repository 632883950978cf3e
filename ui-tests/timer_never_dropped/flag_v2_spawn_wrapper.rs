// A spawn wrapper (a fn of the crate that spawns its parameter and drops
// the handle) is a spawn call: the interval its task polls forever is
// pinned for good. A wrapper that returns the handle, and a fn that only
// awaits its argument, start no detached task.
use std::future::Future;
use std::time::Duration;

use tokio::task::JoinHandle;
use tokio::time::interval;

fn spawn_named<F>(name: &str, fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    tracing::debug!(name, "spawning");
    tokio::spawn(fut);
}

fn spawn_kept<F>(fut: F) -> JoinHandle<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(fut)
}

async fn run_here<F: Future<Output = ()>>(fut: F) {
    fut.await;
}

pub fn start_metrics() {
    spawn_named("metrics", async move { //~ spawn_without_cancel
        let mut tick = interval(Duration::from_secs(10)); //~ timer_never_dropped
        loop {
            tick.tick().await;
            flush().await;
        }
    });
}

pub fn start_kept() -> JoinHandle<()> {
    spawn_kept(async move {
        let mut tick = interval(Duration::from_secs(10));
        loop {
            tick.tick().await;
            flush().await;
        }
    })
}

pub async fn run_inline() {
    run_here(async move {
        let mut tick = interval(Duration::from_secs(10));
        loop {
            tick.tick().await;
            flush().await;
        }
    })
    .await;
}

async fn flush() {}
