// Timers made here and returned to the tasks of lib.rs, whose loops keep
// them: the finding is at the constructor, where the timer is made.
use std::time::Duration;
use tokio::time::{interval, sleep, Interval, MissedTickBehavior, Sleep};
use tokio_stream::wrappers::IntervalStream;

// Returned to a detached task whose loop never ends: pinned.
pub fn every(period: Duration) -> Interval {
    let mut i = interval(period); //~ timer_never_dropped
    i.set_missed_tick_behavior(MissedTickBehavior::Delay);
    i
}

// The same through a stream, polled with `next()`: pinned.
pub fn ticks(period: Duration) -> IntervalStream {
    IntervalStream::new(interval(period)) //~ timer_never_dropped
}

// Returned to a fn that a detached task runs: pinned.
pub fn heartbeat_every(period: Duration) -> Interval {
    interval(period) //~ timer_never_dropped
}

// Returned to the fn that is the task (`spawn(sweep())`): pinned.
pub fn sweep_every(period: Duration) -> Interval {
    interval(period) //~ timer_never_dropped
}

// Near miss: a one-shot timer is done after its first poll.
pub fn pause(period: Duration) -> Sleep {
    sleep(period)
}

// Near miss: returned to a loop that observes cancellation.
pub fn polite(period: Duration) -> Interval {
    interval(period)
}

// Near miss: returned to a task whose handle is kept and aborted.
pub fn supervised(period: Duration) -> Interval {
    interval(period)
}

// Near miss: returned to a task that `main` starts for the life of the
// process.
pub fn process_wide(period: Duration) -> Interval {
    interval(period)
}

// Near miss: returned to a loop that ends.
pub fn bounded(period: Duration) -> Interval {
    interval(period)
}

// Near miss: nothing calls it.
pub fn unused(period: Duration) -> Interval {
    interval(period)
}
