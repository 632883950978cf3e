// One fn run by tasks two fns spawn, each per call: the timer it pins is
// reported once.
use std::time::Duration;

async fn flush() {
    let mut every = tokio::time::interval(Duration::from_secs(1)); //~ timer_never_dropped
    loop {
        every.tick().await;
    }
}

pub fn on_connect() {
    tokio::spawn(flush()); //~ spawn_without_cancel
}

pub fn on_reconnect() {
    tokio::spawn(flush()); //~ spawn_without_cancel
}
