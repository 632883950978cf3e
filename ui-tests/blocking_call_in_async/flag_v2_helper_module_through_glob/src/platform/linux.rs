use super::*;
use crate::*;

pub async fn rescan() {
    probe::settle(); //~ blocking_call_in_async
    backoff::pause(1); //~ blocking_call_in_async
}

pub async fn rescan_off_the_worker() {
    // Near miss: on a blocking thread.
    tokio::task::spawn_blocking(|| probe::settle()).await.ok();
}
