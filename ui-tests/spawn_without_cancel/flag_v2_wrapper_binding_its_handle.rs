// v2: a spawn wrapper may bind the handle to a name and then only look at
// it (log its id, check `is_finished()`) or drop it: the handle is still
// discarded, so a call of the wrapper is a spawn call. Near misses: a
// wrapper that stores the bound handle, returns it or awaits it.
use std::future::Future;
use std::time::Duration;

use tokio::task::JoinHandle;

pub fn detach<F: Future<Output = ()> + Send + 'static>(fut: F) {
    let handle = tokio::spawn(fut);
    tracing::debug!(id = %handle.id(), "detached");
}

pub fn detach_quietly<F: Future<Output = ()> + Send + 'static>(fut: F) {
    let _task = tokio::spawn(fut);
}

pub fn detach_and_drop<F: Future<Output = ()> + Send + 'static>(fut: F) {
    let task = tokio::spawn(fut);
    drop(task);
}

pub fn spawn_kept<F: Future<Output = ()> + Send + 'static>(fut: F) -> JoinHandle<()> {
    let handle = tokio::spawn(fut);
    handle
}

pub struct Registry {
    tasks: Vec<JoinHandle<()>>,
}

impl Registry {
    pub fn track<F: Future<Output = ()> + Send + 'static>(&mut self, fut: F) {
        let handle = tokio::spawn(fut);
        self.tasks.push(handle);
    }

    pub fn shutdown(&mut self) {
        for task in self.tasks.drain(..) {
            task.abort();
        }
    }
}

pub async fn run_to_end<F: Future<Output = ()> + Send + 'static>(fut: F) {
    let handle = tokio::spawn(fut);
    let _ = handle.await;
}

async fn janitor() {
    loop {
        tokio::time::sleep(Duration::from_secs(30)).await;
    }
}

pub async fn on_tenant_created(registry: &mut Registry) {
    detach(janitor()); //~ spawn_without_cancel
    detach_quietly(janitor()); //~ spawn_without_cancel
    detach_and_drop(janitor()); //~ spawn_without_cancel
    let kept = spawn_kept(janitor());
    kept.abort();
    registry.track(janitor());
    run_to_end(janitor()).await;
}
