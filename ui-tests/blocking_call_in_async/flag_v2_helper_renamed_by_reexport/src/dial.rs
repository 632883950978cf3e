use std::time::Duration;

pub async fn dial() {
    crate::linger(Duration::from_millis(750)); //~ blocking_call_in_async
}
