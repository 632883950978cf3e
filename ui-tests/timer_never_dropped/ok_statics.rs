// Near misses for case 2: lazy initialisers that wait on a timer and finish
// it, and statics that hold no timer.
use std::sync::OnceLock;
use std::time::Duration;

use once_cell::sync::Lazy;
use tokio::sync::OnceCell;
use tokio::time::{sleep, timeout};

static PERIOD: Lazy<Duration> = Lazy::new(|| Duration::from_secs(30));

static CLIENT: OnceCell<String> = OnceCell::const_new();

pub async fn client() -> &'static String {
    CLIENT
        .get_or_init(|| async {
            // Back off before the first connect: this sleep is awaited here.
            sleep(Duration::from_millis(50)).await;
            match timeout(Duration::from_secs(5), connect()).await {
                Ok(addr) => addr,
                Err(_) => String::from("fallback"),
            }
        })
        .await
}

pub fn name() -> &'static str {
    static NAME: OnceLock<String> = OnceLock::new();
    NAME.get_or_init(|| String::from("reporter"))
}

async fn connect() -> String {
    String::new()
}

// A cell held by a struct or a local dies with its owner, and the timer
// with it.
pub struct Limiter {
    tick: OnceLock<std::sync::Mutex<tokio::time::Interval>>,
}

impl Limiter {
    pub fn tick(&self) -> &std::sync::Mutex<tokio::time::Interval> {
        self.tick
            .get_or_init(|| std::sync::Mutex::new(tokio::time::interval(Duration::from_millis(100))))
    }
}

pub fn local_cell() {
    let cell = OnceLock::new();
    let _ = cell.get_or_init(|| tokio::time::interval(Duration::from_secs(1)));
}

// A task the initialiser spawns makes its own timer, and drops it when it
// ends: the initialiser stores the handle, not the timer.
static WARMUP: std::sync::LazyLock<tokio::task::JoinHandle<()>> = std::sync::LazyLock::new(|| {
    tokio::spawn(async {
        let mut every = tokio::time::interval(Duration::from_millis(100));
        for _ in 0..3 {
            every.tick().await;
        }
    })
});

// A factory stored in a static makes a new timer on each call.
static MAKE_TICKER: Lazy<fn() -> tokio::time::Interval> =
    Lazy::new(|| || tokio::time::interval(Duration::from_secs(1)));
