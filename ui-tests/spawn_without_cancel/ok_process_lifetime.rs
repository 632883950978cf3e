// Workers started once, for the life of the process: from `main` or from a
// static's initialiser. Nothing outlives them.
use std::sync::mpsc;
use std::sync::{LazyLock, Mutex, OnceLock};
use std::time::Duration;

use once_cell::sync::Lazy;

static LOG_QUEUE: Lazy<Mutex<mpsc::Sender<String>>> = Lazy::new(|| {
    let (tx, rx) = mpsc::channel::<String>();
    std::thread::spawn(move || loop {
        let line = rx.recv().unwrap_or_default();
        append_to_log_file(&line);
    });
    Mutex::new(tx)
});

static CLOCK: LazyLock<CoarseClock> = LazyLock::new(|| {
    let clock = CoarseClock::default();
    let ticker = clock.clone();
    std::thread::Builder::new()
        .name("coarse-clock".into())
        .spawn(move || loop {
            ticker.advance();
            std::thread::sleep(Duration::from_millis(1));
        })
        .expect("spawn clock thread");
    clock
});

lazy_static::lazy_static! {
    static ref GC: GcHandle = {
        std::thread::spawn(|| loop {
            collect_garbage();
            std::thread::sleep(Duration::from_secs(60));
        });
        GcHandle
    };
}

pub fn metrics() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(|| {
        let metrics = Metrics::default();
        let exporter = metrics.clone();
        std::thread::spawn(move || loop {
            exporter.flush();
            std::thread::sleep(Duration::from_secs(10));
        });
        metrics
    })
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let config = Config::load()?;
    let state = AppState::new(&config).await?;

    let stats = state.clone();
    tokio::spawn(async move {
        loop {
            stats.report().await;
            tokio::time::sleep(Duration::from_secs(60)).await;
        }
    });

    // Inside a closure and an async block of `main`, not in a loop: still once.
    let start_cache_warmer = |state: AppState| {
        tokio::spawn(async move {
            loop {
                state.warm_cache().await;
                tokio::time::sleep(Duration::from_secs(300)).await;
            }
        });
    };
    start_cache_warmer(state.clone());

    serve(state, config.listen).await
}


pub mod pool {
    use std::time::Duration;

    // A pool of workers started once: a `for` over a range with an end runs
    // its body a known number of times, not on every event.
    #[tokio::main]
    async fn main() {
        let config = super::Config::load().unwrap();
        for _ in 0..config.workers {
            let queue = config.queue.clone();
            tokio::spawn(async move {
                loop {
                    queue.process_next().await;
                }
            });
        }
        for n in 1..=(2) {
            std::thread::spawn(move || loop {
                super::flush(n);
                std::thread::sleep(Duration::from_secs(1));
            });
        }
    }
}
