use std::time::Duration;

use crate::api::wait_now;

pub async fn redial() {
    crate::api::wait_now(Duration::from_millis(100)); //~ blocking_call_in_async
}

pub async fn backoff() {
    wait_now(Duration::from_secs(1)); //~ blocking_call_in_async
}
