// Tickers pinned by endless tasks that can be started more than once, and
// a task whose spawn argument is a block.
use std::sync::Arc;
use std::time::Duration;

use tokio::time::interval;

pub struct StatsReporter;

impl StatsReporter {
    // A constructor: each reporter created leaves one more ticking task behind.
    pub fn start(state: AppState) -> StatsReporter {
        let mut report_every = interval(Duration::from_secs(60)); //~ timer_never_dropped
        tokio::spawn(async move { //~ spawn_without_cancel
            loop {
                report_every.tick().await;
                state.report().await;
            }
        });
        StatsReporter
    }
}

pub fn start_sweeper(cache: Arc<Cache>) {
    tokio::spawn({ //~ spawn_without_cancel
        let cache = Arc::clone(&cache);
        let mut sweep = interval(Duration::from_secs(5)); //~ timer_never_dropped
        async move {
            loop {
                sweep.tick().await;
                cache.evict_expired().await;
            }
        }
    });
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let config = Config::load()?;
    loop {
        // One more ticking keepalive task on every reconnect.
        let conn = Connection::connect(&config.upstream).await?;
        let keepalive = conn.clone();
        tokio::spawn(async move { //~ spawn_without_cancel
            let mut every = interval(Duration::from_secs(30)); //~ timer_never_dropped
            loop {
                every.tick().await;
                keepalive.send_keepalive().await;
            }
        });
        conn.run_until_closed().await;
    }
}
