use foo::util::wait_backoff;

/// A request handler that retries its upstream.
pub async fn handle(attempt: u32) {
    foo::util::wait_backoff(attempt); //~ blocking_call_in_async
    forward().await;
}

/// The same helper, imported through the renamed name.
pub async fn handle_retry(attempt: u32) {
    wait_backoff(attempt); //~ blocking_call_in_async
    forward().await;
}

/// Each connection starts a heartbeat through the library's wrapper.
pub async fn on_connect() {
    foo::task::spawn_named("heartbeat", async { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(5)).await;
            ping().await;
        }
    });
}

async fn forward() {}
async fn ping() {}
