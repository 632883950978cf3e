use super::*;

pub fn start() {
    tokio::spawn(heartbeat()); //~ spawn_without_cancel
}

pub fn start_drain(token: tokio_util::sync::CancellationToken) {
    // The parent's `drain` ends on cancellation; `net::drain` loops, but
    // this file does not see it.
    tokio::spawn(drain(token));
}

pub async fn heartbeat_cancellable(token: tokio_util::sync::CancellationToken) {
    token.cancelled().await;
}
