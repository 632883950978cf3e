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

// Each branch aborts its own task, which has just finished: the loser runs on.
pub async fn aborts_the_winner(read: Conn, write: Conn) {
    let reader = tokio::spawn(read.pump());
    let writer = tokio::spawn(write.pump());
    let reader_abort = reader.abort_handle();
    let writer_abort = writer.abort_handle();
    tokio::select! {
        _ = reader => reader_abort.abort(), //~ join_handle_dropped_by_race
        _ = writer => writer_abort.abort(), //~ join_handle_dropped_by_race
    }
}

// Near miss: an abort after the `select!` stops whichever task lost.
pub async fn aborts_both_after(read: Conn, write: Conn) {
    let reader = tokio::spawn(read.pump());
    let writer = tokio::spawn(write.pump());
    let reader_abort = reader.abort_handle();
    let writer_abort = writer.abort_handle();
    tokio::select! {
        _ = reader => reader_abort.abort(),
        _ = writer => {}
    }
    reader_abort.abort();
    writer_abort.abort();
}
