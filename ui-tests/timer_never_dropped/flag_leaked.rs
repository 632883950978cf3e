// Case 1: timers handed to mem::forget, Box::leak, ManuallyDrop::new and
// Box::into_raw, directly or through the binding that holds them.
use std::mem::{self, ManuallyDrop};
use std::time::Duration;

use futures_timer::Delay;
use tokio::time::{self as clock, interval, sleep as nap};

pub struct Watchdog {
    deadline: Box<tokio::time::Sleep>,
}

pub fn arm_watchdog(timeout: Duration) {
    let deadline = nap(timeout); //~ timer_never_dropped
    // Forgetting the future was meant to "keep the watchdog armed".
    mem::forget(deadline);
}

pub fn keepalive_ticker() -> &'static mut tokio::time::Interval {
    Box::leak(Box::new(interval(Duration::from_secs(30)))) //~ timer_never_dropped
}

pub fn metrics_flush_interval() {
    let mut flush = clock::interval(Duration::from_secs(10)); //~ timer_never_dropped
    flush.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let flush = Box::new(flush);
    let _raw = Box::into_raw(flush);
}

pub fn retry_backoff() -> ManuallyDrop<Delay> {
    ManuallyDrop::new(Delay::new(Duration::from_millis(250))) //~ timer_never_dropped
}

pub fn forget_in_struct(timeout: Duration) {
    std::mem::forget(Watchdog {
        deadline: Box::new(tokio::time::sleep(timeout)), //~ timer_never_dropped
    });
}
