use std::time::Duration;

use tokio::time::{interval, Interval, MissedTickBehavior};

/// Every checkpoint period, skipping missed ticks.
pub fn checkpoint_every(period: Duration) -> Interval {
    let mut every = interval(period); //~ timer_never_dropped
    every.set_missed_tick_behavior(MissedTickBehavior::Skip);
    every
}
