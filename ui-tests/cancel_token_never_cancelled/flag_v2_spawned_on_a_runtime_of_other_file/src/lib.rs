// A token handed to tasks spawned on a runtime that a fn of another file
// returns: reported when that runtime outlives the caller (`&'static
// Runtime`, `Handle`), like `tokio::spawn`; not on a runtime the caller
// owns, nor on what is no runtime.
pub mod rt;

use std::time::Duration;

use tokio_util::sync::CancellationToken;

use crate::rt::{background, handle, pool, scratch};

pub async fn retry_until(every: Duration, cancel: CancellationToken) {
    loop {
        if cancel.is_cancelled() {
            return;
        }
        tokio::time::sleep(every).await;
    }
}

pub fn start_retries(every: Duration) {
    let cancel = CancellationToken::new(); //~ cancel_token_never_cancelled
    background().spawn(retry_until(every, cancel.clone()));
}

pub fn start_watch(every: Duration) {
    let cancel = CancellationToken::new(); //~ cancel_token_never_cancelled
    let child = cancel.clone();
    handle().spawn(async move {
        loop {
            tokio::select! {
                _ = child.cancelled() => break,
                _ = tokio::time::sleep(every) => {}
            }
        }
    });
}

// Near misses.

pub fn run_batch(every: Duration) {
    let cancel = CancellationToken::new();
    let rt = scratch();
    rt.block_on(async {
        scratch().spawn(retry_until(every, cancel.clone()));
    });
}

pub fn queue_job(every: Duration) {
    let cancel = CancellationToken::new();
    pool().spawn(retry_until(every, cancel.clone()));
}

pub fn start_stoppable(every: Duration) -> CancellationToken {
    let cancel = CancellationToken::new();
    background().spawn(retry_until(every, cancel.clone()));
    cancel
}

pub fn start_bound(every: Duration) {
    let cancel = CancellationToken::new(); //~ cancel_token_never_cancelled
    let runtime = handle();
    runtime.spawn(retry_until(every, cancel.clone()));
}
