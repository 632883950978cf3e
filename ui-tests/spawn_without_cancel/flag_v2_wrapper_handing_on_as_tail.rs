// A spawn wrapper that hands its future to another wrapper as the body's
// tail, without a `;`: the inner wrapper returns nothing, so neither does
// it, and the task is detached just the same.
use std::future::Future;
use std::time::Duration;

fn detach<F: Future<Output = ()> + Send + 'static>(fut: F) {
    tokio::spawn(fut);
}

pub fn background<F: Future<Output = ()> + Send + 'static>(fut: F) {
    detach(fut)
}

pub fn in_background<F: Future<Output = ()> + Send + 'static>(fut: F) {
    let fut = Box::pin(fut);
    crate::detach(fut)
}

pub fn watch(host: String) {
    background(check_forever(host.clone())); //~ spawn_without_cancel
    in_background(check_forever(host)); //~ spawn_without_cancel
}

async fn check_forever(host: String) {
    loop {
        tokio::time::sleep(Duration::from_secs(5)).await;
        tracing::debug!(%host, "checked");
    }
}

// Near misses: a tail that spawns returns the handle to the caller, who
// keeps it; a tail of a wrapper that runs the future to its end.
pub fn spawn_kept<F: Future<Output = ()> + Send + 'static>(fut: F) -> tokio::task::JoinHandle<()> {
    tokio::spawn(fut)
}

async fn run_inline<F: Future<Output = ()>>(fut: F) {
    fut.await
}

pub struct Watcher {
    task: tokio::task::JoinHandle<()>,
}

impl Watcher {
    pub fn start(host: String) -> Watcher {
        Watcher { task: spawn_kept(check_forever(host)) }
    }

    pub async fn check_inline(host: String) {
        run_inline(check_forever(host)).await
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.task.abort();
    }
}
