// The interval is returned to a task that only `main` starts, once: it
// lives as long as the process, as it should.
use std::time::Duration;
use tokio::time::{interval, Interval};

pub fn every(period: Duration) -> Interval {
    interval(period)
}

// Returned to a fn that a task started once from `main` runs.
pub fn beat(period: Duration) -> Interval {
    interval(period)
}
