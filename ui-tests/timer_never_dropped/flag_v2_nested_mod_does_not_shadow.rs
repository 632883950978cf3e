// A fn of a nested module does not shadow its parent's import: the bare
// `interval(…)` calls below are tokio's timers, leaked by `mem::forget`.
use std::mem;
use std::time::Duration;

use tokio::time::interval;

mod schedule {
    pub fn interval(period: u64) -> u64 {
        period * 2
    }
}

pub fn leak_parent_timer() {
    let timer = interval(Duration::from_secs(5)); //~ timer_never_dropped
    mem::forget(timer);
}

mod worker {
    // `use super::*` brings the parent's `interval` import into this module.
    use super::*;

    pub fn leak_through_glob() {
        mem::forget(interval(Duration::from_secs(1))); //~ timer_never_dropped
    }

    pub fn leak_through_super() {
        mem::forget(super::interval(Duration::from_secs(1))); //~ timer_never_dropped
    }
}

pub fn leak_through_self() {
    mem::forget(self::interval(Duration::from_secs(1))); //~ timer_never_dropped
}
