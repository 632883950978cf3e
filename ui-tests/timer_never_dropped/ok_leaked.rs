// Near misses for case 1: timers that are dropped, and leaks of things
// that are not timers.
use std::mem;
use std::time::Duration;

use tokio::time::{interval, sleep};

pub fn forget_the_config(config: Vec<u8>) {
    // Not a timer.
    mem::forget(config);
}

pub async fn wait_then_forget_the_buffer() {
    let deadline = sleep(Duration::from_secs(1));
    deadline.await;
    let buffer = vec![0u8; 16];
    mem::forget(buffer);
}

pub fn leak_a_name() -> &'static str {
    Box::leak(String::from("heartbeat").into_boxed_str())
}

pub async fn ticker_dropped_at_end_of_scope() {
    let mut tick = interval(Duration::from_secs(1));
    tick.tick().await;
    drop(tick);
}

pub fn forget_a_reference_is_not_a_leak_of_the_timer() {
    let tick = interval(Duration::from_secs(1));
    let period = tick.period();
    mem::forget(period);
}

// A local fn named `forget` is not std::mem::forget.
fn forget<T>(_value: T) {}

pub fn local_forget() {
    forget(sleep(Duration::from_secs(1)));
}
