// `.spawn(…)` on a runtime or handle that a fn of this file or a static provides.
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use once_cell::sync::Lazy;
use tokio::runtime::{Handle, Runtime};
use tokio_util::task::TaskTracker;

fn runtime() -> &'static Runtime {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| Runtime::new().expect("tokio runtime"))
}

fn io_handle() -> tokio::runtime::Handle {
    Handle::current()
}

static BACKGROUND: Lazy<Runtime> = Lazy::new(|| {
    tokio::runtime::Builder::new_multi_thread()
        .thread_name("background")
        .enable_all()
        .build()
        .unwrap()
});

pub struct Uploader {
    queue: Arc<UploadQueue>,
    rt: Arc<Runtime>,
}

impl Uploader {
    fn runtime(&self) -> Arc<Runtime> {
        self.rt.clone()
    }

    pub fn start_uploads(&self) {
        let queue = self.queue.clone();
        self.runtime().spawn(async move { //~ spawn_without_cancel
            loop {
                queue.drain().await;
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
    }
}

pub fn start_sync(store: Store) {
    runtime().spawn(async move { //~ spawn_without_cancel
        loop {
            store.sync().await;
            tokio::time::sleep(Duration::from_secs(30)).await;
        }
    });
}

pub fn start_poller(device: Device) {
    let handle = io_handle();
    handle.spawn(async move { //~ spawn_without_cancel
        loop {
            device.poll().await;
        }
    });
}

pub fn start_cleanup(cache: Cache) {
    BACKGROUND.spawn(async move { //~ spawn_without_cancel
        loop {
            cache.evict_expired().await;
            tokio::time::sleep(Duration::from_secs(5)).await;
        }
    });
}

pub fn start_tracked(tracker: &TaskTracker, feed: Feed) {
    let tracker = TaskTracker::new();
    // A TaskTracker waits for its tasks; it never cancels them.
    tracker.spawn(async move { //~ spawn_without_cancel
        loop {
            feed.refresh().await;
        }
    });
    tracker.close();
}

pub fn start_leaked_runtime(cache: Cache) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.spawn(async move { //~ spawn_without_cancel
        loop {
            cache.evict_expired().await;
            tokio::time::sleep(Duration::from_secs(5)).await;
        }
    });
    // Never dropped: its tasks run for the rest of the process.
    std::mem::forget(rt);
}

// Not flagged: the runtime is returned, and its owner drops it with its tasks.
pub fn start_owned_runtime(cache: Cache) -> tokio::runtime::Runtime {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.spawn(async move {
        loop {
            cache.evict_expired().await;
            tokio::time::sleep(Duration::from_secs(5)).await;
        }
    });
    rt
}
