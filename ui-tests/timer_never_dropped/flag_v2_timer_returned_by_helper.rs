// v2 case 3: the timer a task polls in its endless loop may come from a fn
// of this file that makes it and returns it (`fn ticker() -> Interval`):
// the task still owns it for ever. Reported at the helper's constructor.
use std::time::Duration;

use tokio::time::{interval, sleep, Interval, MissedTickBehavior, Sleep};
use tokio_util::sync::CancellationToken;

fn ticker() -> Interval {
    interval(Duration::from_secs(1)) //~ timer_never_dropped
}

fn lenient_ticker(period: Duration) -> Interval {
    let mut every = interval(period); //~ timer_never_dropped
    every.set_missed_tick_behavior(MissedTickBehavior::Delay);
    every
}

fn maybe_ticker(fast: bool) -> Interval {
    if fast {
        return interval(Duration::from_millis(100)); //~ timer_never_dropped
    }
    interval(Duration::from_secs(10)) //~ timer_never_dropped
}

fn backoff() -> Sleep {
    sleep(Duration::from_millis(100))
}

fn period() -> Duration {
    Duration::from_secs(3)
}

pub fn start() {
    tokio::spawn(async move { //~ spawn_without_cancel
        let mut t = ticker();
        loop {
            t.tick().await;
            println!("tick");
        }
    });
}

pub fn start_lenient() {
    let mut t = lenient_ticker(period());
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            t.tick().await;
        }
    });
}

pub fn start_maybe(fast: bool) {
    tokio::spawn(async move { //~ spawn_without_cancel
        let mut t = maybe_ticker(fast);
        loop {
            t.tick().await;
        }
    });
}

// Near misses: a loop that observes cancellation; a timer made and awaited
// on every turn; a helper that returns no timer.
pub fn start_cancellable(token: CancellationToken) {
    tokio::spawn(async move {
        let mut t = ticker();
        loop {
            tokio::select! {
                _ = token.cancelled() => break,
                _ = t.tick() => println!("tick"),
            }
        }
    });
}

pub fn start_backoff() {
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            backoff().await;
            println!("retry");
        }
    });
}

pub fn start_period() {
    tokio::spawn(async move { //~ spawn_without_cancel
        let p = period();
        loop {
            tokio::time::sleep(p).await;
        }
    });
}
