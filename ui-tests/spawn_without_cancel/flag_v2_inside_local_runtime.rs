// A task spawned inside the future a fn hands to `block_on` of a runtime it
// builds runs on that runtime, and dies with it: when `block_on` returns and
// the fn ends, the runtime is dropped and its tasks are cancelled. The same
// spawn under a runtime that outlives the fn (a static) is reported, and so
// is one in a thread: a runtime cannot cancel a thread.
use std::sync::LazyLock;
use tokio::runtime::{Builder, Runtime};
use tokio::sync::oneshot;

static SHARED: LazyLock<Runtime> = LazyLock::new(|| Runtime::new().unwrap());

pub struct Feed;

impl Feed {
    pub async fn refresh(&self) {}
}

pub fn serve_on_own_runtime(feed: Feed, shutdown: oneshot::Receiver<()>) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let runtime = Builder::new_multi_thread().enable_all().build().unwrap();
        runtime.block_on(async move {
            tokio::spawn(async move {
                loop {
                    feed.refresh().await;
                }
            });
            let _ = shutdown.await;
        });
    })
}

pub fn serve_on_shared_runtime(feed: Feed, shutdown: oneshot::Receiver<()>) {
    SHARED.block_on(async move {
        tokio::spawn(async move { //~ spawn_without_cancel
            loop {
                feed.refresh().await;
            }
        });
        let _ = shutdown.await;
    });
}

pub fn watch_on_own_runtime(feed: Feed) {
    let runtime = Runtime::new().unwrap();
    runtime.block_on(async move {
        std::thread::spawn(move || loop { //~ spawn_without_cancel
            let _ = &feed;
        });
    });
}

async fn follow(update: u64) {
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(update)).await;
    }
}

/// A task started on every turn of a loop of the future: they pile up for
/// as long as the runtime runs, which is as long as the program.
pub fn serve_updates(mut updates: tokio::sync::mpsc::Receiver<u64>) {
    let runtime = Runtime::new().unwrap();
    runtime.block_on(async move {
        while let Some(update) = updates.recv().await {
            tokio::spawn(follow(update)); //~ spawn_without_cancel
        }
    });
}

/// Near miss: a pool started once, by a `for` over a range with an end.
pub fn serve_pool(workers: u64) {
    let runtime = Runtime::new().unwrap();
    runtime.block_on(async move {
        for worker in 0..workers {
            tokio::spawn(follow(worker));
        }
        tokio::signal::ctrl_c().await.ok();
    });
}
