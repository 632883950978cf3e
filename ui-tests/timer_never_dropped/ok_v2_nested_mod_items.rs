// Near-misses of flag_v2_nested_mod_does_not_shadow: inside the module that
// defines its own `interval`, and through a path to it, `interval` is that
// fn, not a timer; a module without `use super::*` does not see the
// parent's import.
use std::mem;
use std::time::Duration;

use tokio::time::interval;

mod schedule {
    pub fn interval(period: u64) -> u64 {
        period * 2
    }

    pub fn forget_period() {
        std::mem::forget(interval(5));
    }

    pub mod nested {
        pub fn forget_parent_fn() {
            std::mem::forget(super::interval(5));
        }
    }
}

pub fn forget_local_fn() {
    mem::forget(schedule::interval(5));
}

mod unrelated {
    // No `use super::*`: this `interval` is whatever the crate root names so.
    pub fn forget_unknown() {
        std::mem::forget(crate::schedule::interval(1));
    }
}

pub fn keep_timer() -> tokio::time::Interval {
    interval(Duration::from_secs(1))
}
