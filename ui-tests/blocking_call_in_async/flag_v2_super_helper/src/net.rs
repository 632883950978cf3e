pub async fn reconnect() {
    super::backoff(); //~ blocking_call_in_async
}
