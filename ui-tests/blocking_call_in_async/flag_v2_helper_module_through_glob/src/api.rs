use super::*;

pub async fn handle(attempt: u32) {
    backoff::pause(attempt); //~ blocking_call_in_async
}

pub async fn handle_async(attempt: u32) {
    // Near miss: the delay is computed, then awaited on the runtime.
    tokio::time::sleep(backoff::delay_for(attempt)).await;
}
