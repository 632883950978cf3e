// Case 2: timers created in statics and lazy initialisers.
use std::cell::RefCell;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use async_io::Timer;
use once_cell::sync::Lazy;
use tokio::time::{interval, Interval, Sleep};
use tokio_stream::wrappers::IntervalStream;

static REPORT_TICK: Lazy<Mutex<Interval>> =
    Lazy::new(|| Mutex::new(interval(Duration::from_secs(60)))); //~ timer_never_dropped

static SWEEP_TICK: std::sync::LazyLock<Mutex<Interval>> =
    std::sync::LazyLock::new(|| Mutex::new(tokio::time::interval(Duration::from_secs(300)))); //~ timer_never_dropped

lazy_static::lazy_static! {
    static ref HEARTBEAT: Mutex<IntervalStream> =
        Mutex::new(IntervalStream::new(interval(Duration::from_secs(5)))); //~ timer_never_dropped
}

thread_local! {
    static POLL_TIMER: RefCell<Timer> = RefCell::new(Timer::interval(Duration::from_millis(500))); //~ timer_never_dropped
}

pub fn cache_deadline() -> &'static Mutex<Sleep> {
    static DEADLINE: OnceLock<Mutex<Sleep>> = OnceLock::new();
    DEADLINE.get_or_init(|| Mutex::new(tokio::time::sleep(Duration::from_secs(3600)))) //~ timer_never_dropped
}

pub async fn shared_reconnect_timer() -> &'static Mutex<futures_timer::Delay> {
    static RECONNECT: tokio::sync::OnceCell<Mutex<futures_timer::Delay>> =
        tokio::sync::OnceCell::const_new();
    RECONNECT
        .get_or_init(|| async { Mutex::new(futures_timer::Delay::new(Duration::from_secs(2))) }) //~ timer_never_dropped
        .await
}
