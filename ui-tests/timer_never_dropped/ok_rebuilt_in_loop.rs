// Near misses for case 4: intervals built once, loops that end or observe
// cancellation, intervals that are not ticked in the iteration, sleeps.
use std::time::Duration;

use async_io::Timer;
use futures::StreamExt;
use tokio::time::{interval, sleep};
use tokio_util::sync::CancellationToken;

async fn try_connect() -> bool {
    false
}
async fn scrape() {}

pub async fn built_once() {
    let mut tick = interval(Duration::from_secs(5));
    loop {
        tick.tick().await;
        scrape().await;
        // Not spawned in this file: case 3 does not apply either.
    }
}

pub async fn ends_when_connected() {
    loop {
        let mut backoff = interval(Duration::from_secs(5));
        backoff.tick().await;
        if try_connect().await {
            break;
        }
    }
}

pub async fn for_loop_rebuilds(targets: Vec<String>) {
    for _target in targets {
        let mut pace = interval(Duration::from_millis(100));
        pace.tick().await;
        scrape().await;
    }
}

pub async fn observes_cancellation(token: CancellationToken) {
    loop {
        let mut tick = interval(Duration::from_secs(1));
        tokio::select! {
            _ = token.cancelled() => std::process::exit(0),
            _ = tick.tick() => scrape().await,
        }
    }
}

pub async fn collected_not_ticked(pool: &mut Vec<tokio::time::Interval>) {
    loop {
        let tick = interval(Duration::from_secs(1));
        pool.push(tick);
        sleep(Duration::from_secs(1)).await;
    }
}

pub async fn sleeps_are_fine() {
    loop {
        sleep(Duration::from_secs(1)).await;
        scrape().await;
    }
}

pub async fn async_io_interval_waits_a_period() {
    loop {
        let mut timer = Timer::interval(Duration::from_secs(1));
        timer.next().await;
        scrape().await;
    }
}

pub fn in_a_closure_called_elsewhere() -> impl Fn() {
    || {
        let _tick = interval(Duration::from_secs(1));
    }
}

/// One interval per connection, ticked by the inner loop that serves it: it
/// is rebuilt only when the connection ends and the outer loop reconnects.
pub async fn per_connection_interval(mut connect: impl FnMut() -> tokio::sync::mpsc::Receiver<u32>) {
    loop {
        let mut socket = connect();
        let mut stats = interval(Duration::from_secs(60));
        loop {
            tokio::select! {
                _ = stats.tick() => scrape().await,
                message = socket.recv() => {
                    let Some(_message) = message else { break };
                }
            }
        }
    }
}

/// Configured in a block before the loop: built once.
pub async fn configured_in_a_block_before_the_loop() {
    let mut every = {
        let mut built = interval(Duration::from_secs(5));
        built.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        built
    };
    loop {
        every.tick().await;
        scrape().await;
    }
}

/// The block ends with another value: the interval it builds is dropped
/// at the block's end, unticked.
pub async fn block_ends_with_another_value() {
    loop {
        let period = {
            let unused = interval(Duration::from_secs(5));
            drop(unused);
            Duration::from_secs(5)
        };
        tokio::time::sleep(period).await;
    }
}
