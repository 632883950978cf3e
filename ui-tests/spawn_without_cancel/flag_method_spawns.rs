// Spawns through runtimes, handles, trackers and other runtimes' APIs.
use tokio::runtime::{Builder, Handle};
use tokio_util::task::TaskTracker;

pub fn on_current_handle() {
    Handle::current().spawn(async { //~ spawn_without_cancel
        loop {
            refresh_tokens().await;
        }
    });
}

pub fn on_named_handle() {
    let handle = Handle::current();
    handle.spawn(async { //~ spawn_without_cancel
        loop {
            refresh_tokens().await;
        }
    });
}

pub fn run_server() {
    // The runtime is not stored anywhere: nothing can stop the refresher while `serve` runs.
    let runtime = Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.spawn(async { //~ spawn_without_cancel
        loop {
            refresh_tokens().await;
        }
    });
    runtime.block_on(serve());
}

pub fn tracked(tracker: TaskTracker) {
    let tracker = TaskTracker::new();
    tracker.spawn(async { //~ spawn_without_cancel
        loop {
            refresh_tokens().await;
        }
    });
    tracker.close();
}

pub fn blocking_poller() {
    tokio::task::spawn_blocking(|| loop { //~ spawn_without_cancel
        poll_device();
    });
}

pub fn other_runtimes() {
    async_std::task::spawn(async { //~ spawn_without_cancel
        loop {
            refresh_tokens().await;
        }
    });
    actix_rt::spawn(async { //~ spawn_without_cancel
        loop {
            refresh_tokens().await;
        }
    });
    smol::spawn(async { //~ spawn_without_cancel
        loop {
            refresh_tokens().await;
        }
    })
    .detach();
}

pub fn refresh_detached_later() {
    let task = smol::spawn(async { //~ spawn_without_cancel
        loop {
            refresh_tokens().await;
        }
    });
    task.detach();
}

// Not flagged: the task is kept, and dropping it cancels it.
pub fn refresh_kept() -> smol::Task<()> {
    let task = smol::spawn(async {
        loop {
            refresh_tokens().await;
        }
    });
    task
}
