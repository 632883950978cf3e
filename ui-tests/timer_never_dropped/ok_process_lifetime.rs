// A ticker pinned by a worker that `main` starts once: it lives exactly as
// long as the process, which is what the program wants.
use std::time::Duration;

use tokio::time::{interval, MissedTickBehavior};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let config = Config::load()?;
    let state = AppState::new(&config).await?;

    let mut report_every = interval(Duration::from_secs(60));
    report_every.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let stats = state.clone();
    tokio::spawn(async move {
        loop {
            report_every.tick().await;
            stats.report().await;
        }
    });

    let sweeper = state.clone();
    tokio::spawn(async move {
        let mut sweep = interval(Duration::from_secs(5));
        loop {
            sweep.tick().await;
            sweeper.evict_expired().await;
        }
    });

    start_background();
    serve(state, config.listen).await
}

/// A task that is a call of a fn of this file, started by a fn only `main`
/// calls: for the life of the process, though the timer is in the callee.
async fn flush_metrics() {
    let mut every = interval(Duration::from_secs(10));
    loop {
        every.tick().await;
    }
}

fn start_background() {
    tokio::spawn(flush_metrics());
}
