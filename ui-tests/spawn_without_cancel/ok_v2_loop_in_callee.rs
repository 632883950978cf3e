// v2 near-misses of following a task into the fns it calls: nothing here is
// flagged.
use std::time::Duration;
use tokio_util::sync::CancellationToken;

pub struct Poller;

impl Poller {
    async fn run(&self) {
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
}

/// A method called on a receiver of unknown type is never guessed, even
/// though only one `run` of this file loops.
pub fn start(poller: std::sync::Arc<dyn Send + Sync>, other: Handle) {
    let _ = poller;
    tokio::spawn(async move { other.get().run().await });
}

pub struct Handle;
impl Handle {
    // Generic: what `get()` returns is not known from its declaration.
    fn get<T: Default>(&self) -> T {
        T::default()
    }
}

/// The callee's loop observes cancellation.
pub fn start_cancellable(token: CancellationToken) {
    tokio::spawn(serve(token));
}

async fn serve(token: CancellationToken) {
    loop {
        tokio::select! {
            _ = token.cancelled() => break,
            _ = tokio::time::sleep(Duration::from_secs(1)) => tick(),
        }
    }
}

/// The task body races the looping call against cancellation.
pub fn start_raced(token: CancellationToken) {
    tokio::spawn(async move {
        tokio::select! {
            _ = token.cancelled() => {}
            _ = forever() => {}
        }
    });
}

/// The handle is kept: the caller can abort the task.
pub fn start_kept() -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move { forever().await })
}

/// The loop is five calls deep: deeper than `call_depth` (4).
pub fn start_too_deep() {
    tokio::spawn(async move { d1().await });
}

async fn d1() {
    d2().await
}
async fn d2() {
    d3().await
}
async fn d3() {
    d4().await
}
async fn d4() {
    d5().await
}
async fn d5() {
    forever().await
}

/// Recursion with no loop anywhere: followed once, never forever.
pub fn start_recursive() {
    tokio::spawn(async move { countdown(10).await });
}

async fn countdown(n: u32) {
    if n > 0 {
        Box::pin(countdown(n - 1)).await;
    }
}

/// Two free fns of this file are named `work` (in different modules), and
/// two globs could bring either in: a bare call is ambiguous.
pub fn start_ambiguous() {
    use a::*;
    use b::*;
    tokio::spawn(async move { work().await });
}

mod a {
    pub async fn work() {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    }
}

mod b {
    pub async fn work() {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    }
}

/// A loop that the callee leaves.
pub fn start_ending() {
    tokio::spawn(async move { drain().await });
}

async fn drain() {
    loop {
        if done() {
            break;
        }
        tick();
    }
}

async fn forever() {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

fn tick() {}
fn done() -> bool {
    true
}
