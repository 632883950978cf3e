// An `AbortHandle` taken but never aborted, or aborted only before the race,
// stops nothing when another branch wins.
pub async fn abort_handle_unused(stop: tokio::sync::oneshot::Receiver<()>) {
    let worker = tokio::spawn(crunch());
    let _abort = worker.abort_handle();
    tokio::select! {
        _ = worker => {} //~ join_handle_dropped_by_race
        _ = stop => {}
    }
}

pub async fn abort_handle_used_too_early(stop: tokio::sync::oneshot::Receiver<()>, retry: bool) {
    let worker = tokio::spawn(crunch());
    let abort = worker.abort_handle();
    if retry {
        abort.abort();
    }
    tokio::select! {
        _ = worker => {} //~ join_handle_dropped_by_race
        _ = stop => {}
    }
}

async fn crunch() {}
