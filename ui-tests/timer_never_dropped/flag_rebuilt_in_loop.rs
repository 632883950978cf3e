// Case 4: a tokio interval built inside an endless loop and ticked in the
// same iteration: its first tick completes at once, so the loop never waits.
use std::time::Duration;

use tokio::time::{self as t, interval as every, interval_at, Instant};
use tokio_stream::{wrappers::IntervalStream, StreamExt};

async fn try_connect() -> bool {
    false
}
async fn scrape() {}

/// Reconnect backoff that never backs off.
pub async fn reconnect_forever() {
    loop {
        let mut backoff = every(Duration::from_secs(5)); //~ timer_never_dropped
        backoff.tick().await;
        if try_connect().await {
            println!("connected");
        }
    }
}

pub fn spawn_scraper() {
    tokio::spawn(async { //~ spawn_without_cancel
        loop {
            t::interval(Duration::from_secs(15)).tick().await; //~ timer_never_dropped
            scrape().await;
        }
    });
}

pub async fn cache_refresher() {
    while true {
        let mut refresh = interval_at(Instant::now(), Duration::from_secs(60)); //~ timer_never_dropped
        refresh.tick().await;
        scrape().await;
    }
}

pub async fn stream_in_loop() {
    loop {
        let mut ticks = IntervalStream::new(tokio::time::interval(Duration::from_secs(1))); //~ timer_never_dropped
        ticks.next().await;
        scrape().await;
    }
}

/// The interval is the value of a block that configures it first.
pub async fn configured_in_a_block() {
    loop {
        let mut every = {
            let mut built = interval_at(Instant::now(), Duration::from_secs(5)); //~ timer_never_dropped
            built.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
            built
        };
        every.tick().await;
        scrape().await;
    }
}
