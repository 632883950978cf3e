// v2: `call_depth` (4) counts every call between the task body and the fn
// whose loop pins the timer. A timer four calls below the task is
// followed; one five calls below is not, also when the fn four calls
// below calls the fn that makes it.
use std::time::Duration;

pub fn start_flusher() {
    tokio::spawn(async { open_and_flush().await }); //~ spawn_without_cancel
}

async fn open_and_flush() {
    recover().await
}

async fn recover() {
    schedule_flush().await
}

async fn schedule_flush() {
    flush_forever().await
}

async fn flush_forever() {
    let mut every = tokio::time::interval(Duration::from_secs(60)); //~ timer_never_dropped
    loop {
        every.tick().await;
    }
}

// Near miss: the timer's fn is five calls below the task.
pub fn start_compactor() {
    tokio::spawn(async { open_and_compact().await });
}

async fn open_and_compact() {
    recover_wal().await
}

async fn recover_wal() {
    schedule_compaction().await
}

async fn schedule_compaction() {
    compact_levels().await
}

async fn compact_levels() {
    compact_forever().await
}

async fn compact_forever() {
    let mut every = tokio::time::interval(Duration::from_secs(60));
    loop {
        every.tick().await;
    }
}
