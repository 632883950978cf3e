// A token handed to a method of this file called on a value whose type the
// file says (a parameter `Arc<Executor>`, a local made with `T::new()`) is
// followed into that method, as one called on `self` is.
use std::sync::Arc;

use tokio_util::sync::CancellationToken;

pub struct Executor;

impl Executor {
    pub fn new() -> Self {
        Executor
    }

    /// Only waits on the token; never cancels, stores or hands it on.
    pub async fn run(&self, cancel: CancellationToken) {
        cancel.cancelled().await;
    }
}

pub struct Reaper {
    held: Option<CancellationToken>,
}

impl Reaper {
    /// Cancels the token after a grace period.
    pub async fn cancel_after(&self, cancel: CancellationToken) {
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
        cancel.cancel();
    }

    /// Keeps the token: whoever holds the reaper may cancel it.
    pub fn keep(&mut self, cancel: CancellationToken) {
        self.held = Some(cancel);
    }
}

async fn run_and_record(executor: Arc<Executor>, stop: CancellationToken) {
    executor.run(stop).await;
}

pub fn run_adhoc(executor: Arc<Executor>) {
    let stop = CancellationToken::new(); //~ cancel_token_never_cancelled
    tokio::spawn(run_and_record(executor, stop.clone()));
}

pub fn run_local() {
    let stop = CancellationToken::new(); //~ cancel_token_never_cancelled
    let task = stop.clone();
    tokio::spawn(async move {
        let executor = Executor::new();
        executor.run(task).await;
    });
}

// Near miss: the method it is handed to cancels it.
pub fn run_with_reaper(reaper: Arc<Reaper>) {
    let stop = CancellationToken::new();
    let task = stop.clone();
    tokio::spawn(async move { task.cancelled().await });
    tokio::spawn(async move { reaper.cancel_after(stop).await });
}

// Near miss: the method it is handed to stores it.
pub fn run_kept(mut reaper: Reaper) {
    let stop = CancellationToken::new();
    let task = stop.clone();
    tokio::spawn(async move { task.cancelled().await });
    reaper.keep(stop);
}

// Near miss: a receiver of a type the file does not say.
pub fn run_unknown(make: impl Fn() -> Arc<Executor>) {
    let stop = CancellationToken::new();
    let task = stop.clone();
    tokio::spawn(async move { task.cancelled().await });
    make().run(stop);
}
