// An independent reader's scenarios from RULES.md, one per case: leaked,
// static/lazy, pinned by a detached endless task, rebuilt in an endless loop.
use once_cell::sync::Lazy;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;
use tokio::time::{self, interval, interval_at, sleep, sleep_until, Instant, MissedTickBehavior};
use tokio_stream::wrappers::IntervalStream;

// Case 1: leaked.
pub fn leak_interval() {
    let ticker = interval(Duration::from_secs(1)); //~ timer_never_dropped
    std::mem::forget(ticker);
}

pub fn leak_sleep() {
    let pinned = Box::pin(time::sleep(Duration::from_secs(5))); //~ timer_never_dropped
    Box::leak(Box::new(pinned));
}

pub fn leak_manually() {
    let _t = std::mem::ManuallyDrop::new(time::interval(Duration::from_millis(100))); //~ timer_never_dropped
}

pub fn leak_raw() {
    let delay = futures_timer::Delay::new(Duration::from_secs(1)); //~ timer_never_dropped
    let _raw = Box::into_raw(Box::new(delay));
}

// Case 2: statics and lazy initialisers.
lazy_static::lazy_static! {
    static ref TICK: Mutex<time::Interval> = Mutex::new(time::interval(Duration::from_secs(1))); //~ timer_never_dropped
}

static SLOT: OnceLock<Mutex<time::Interval>> = OnceLock::new();

pub fn shared_ticker() -> &'static Mutex<time::Interval> {
    SLOT.get_or_init(|| Mutex::new(interval(Duration::from_secs(1)))) //~ timer_never_dropped
}

static LAZY_TICK: Lazy<Mutex<time::Interval>> =
    Lazy::new(|| Mutex::new(interval(Duration::from_secs(1)))); //~ timer_never_dropped

thread_local! {
    static LOCAL_TICK: std::cell::RefCell<time::Interval> =
        std::cell::RefCell::new(interval(Duration::from_secs(1))); //~ timer_never_dropped
}

// Case 3: created before the endless loop of a detached task, polled in it.
pub fn start_flusher() {
    tokio::spawn(async move { //~ spawn_without_cancel
        let mut ticker = interval_at(Instant::now(), Duration::from_secs(30)); //~ timer_never_dropped
        ticker.set_missed_tick_behavior(MissedTickBehavior::Skip);
        loop {
            ticker.tick().await;
            flush().await;
        }
    });
}

pub fn start_moved_in() {
    let mut ticker = time::interval(Duration::from_secs(30)); //~ timer_never_dropped
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            ticker.tick().await;
            flush().await;
        }
    });
}

pub fn start_deadline() {
    tokio::spawn(async move { //~ spawn_without_cancel
        let deadline = sleep_until(Instant::now() + Duration::from_secs(60)); //~ timer_never_dropped
        tokio::pin!(deadline);
        loop {
            tokio::select! {
                () = &mut deadline => {
                    deadline.as_mut().reset(Instant::now() + Duration::from_secs(60));
                }
                _ = work() => {}
            }
        }
    });
}

pub fn start_stream() {
    use futures::StreamExt;
    tokio::spawn(async move { //~ spawn_without_cancel
        let mut ticks = IntervalStream::new(interval(Duration::from_secs(1))); //~ timer_never_dropped
        loop {
            ticks.next().await;
            flush().await;
        }
    });
}

async fn ticker_task() {
    let mut t = interval(Duration::from_secs(2)); //~ timer_never_dropped
    loop {
        t.tick().await;
        flush().await;
    }
}

pub fn start_ticker_task() {
    tokio::spawn(ticker_task()); //~ spawn_without_cancel
}

// Case 4: an interval rebuilt on every iteration.
pub async fn rebuilt() {
    loop {
        let mut every = interval(Duration::from_secs(5)); //~ timer_never_dropped
        every.tick().await;
        flush().await;
    }
}

pub async fn rebuilt_chain() {
    while true {
        time::interval(Duration::from_secs(5)).tick().await; //~ timer_never_dropped
        flush().await;
    }
}
