// A closure parameter named like an outer `let` is its own binding: the
// `mem::forget(t)` below forgets whatever the closure is given, not the
// timer bound to the outer `t` (which is returned and dropped by the caller).
use std::mem;
use std::time::Duration;

use tokio::time::{interval, Interval};

pub fn forget_handles(handles: Vec<Handle>) -> Interval {
    let t = interval(Duration::from_secs(1));
    handles.into_iter().for_each(|t| mem::forget(t));
    t
}

pub fn forget_in_match(slot: Option<Handle>) -> Interval {
    let t = interval(Duration::from_secs(1));
    if let Some(t) = slot {
        mem::forget(t);
    }
    t
}
