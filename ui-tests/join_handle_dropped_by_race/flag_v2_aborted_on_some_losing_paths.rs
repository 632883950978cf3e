// A `select!` with several branches that can beat the handle: each of them
// is a path on which the handle is dropped, so each must abort the task (or
// an abort must follow the `select!`). Here the timer branch only logs.
use std::time::Duration;
use tokio_util::sync::CancellationToken;

pub async fn supervise_partial(shutdown: CancellationToken, limit: Duration) {
    let job = tokio::spawn(run_job());
    let abort = job.abort_handle();
    tokio::select! {
        biased;
        _ = shutdown.cancelled() => { abort.abort(); }
        _ = tokio::time::sleep(limit) => { tracing::warn!("job is slow, leaving it"); }
        r = job => { tracing::info!(ok = r.is_ok(), "job finished"); } //~ join_handle_dropped_by_race
    }
}

// Near miss: every branch that can beat the handle aborts it.
pub async fn supervise_full(shutdown: CancellationToken, limit: Duration) {
    let job = tokio::spawn(run_job());
    let abort = job.abort_handle();
    tokio::select! {
        biased;
        _ = shutdown.cancelled() => { abort.abort(); }
        _ = tokio::time::sleep(limit) => { abort.abort(); }
        r = job => { tracing::info!(ok = r.is_ok(), "job finished"); }
    }
}

// Near miss: one abort after the `select!` covers every losing path.
pub async fn supervise_after(shutdown: CancellationToken, limit: Duration) {
    let job = tokio::spawn(run_job());
    let abort = job.abort_handle();
    tokio::select! {
        _ = shutdown.cancelled() => { tracing::info!("shutting down"); }
        _ = tokio::time::sleep(limit) => { tracing::warn!("job is slow"); }
        _ = job => {}
    }
    abort.abort();
}

// Near misses: the handle's own binding aborted in the one losing branch,
// and after a race repeated in a loop.
pub async fn supervise_direct(limit: Duration) {
    let job = tokio::spawn(run_job());
    tokio::select! {
        _ = tokio::time::sleep(limit) => { job.abort(); }
        _ = job => {}
    }
}

pub async fn supervise_rounds(limit: Duration) {
    let job = tokio::spawn(run_job());
    for _ in 0..2 {
        tokio::select! {
            _ = tokio::time::sleep(limit) => {}
            _ = job => {}
        }
    }
    job.abort();
}

async fn run_job() {}
