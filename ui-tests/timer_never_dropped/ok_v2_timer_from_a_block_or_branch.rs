// Near misses: the block's value is not the timer, or the loop observes
// cancellation.
use tokio::time::{interval, Duration};
use tokio_util::sync::CancellationToken;

async fn sample() {}

pub fn block_value_is_not_the_timer() {
    tokio::spawn(async move { //~ spawn_without_cancel
        let period = {
            let probe = interval(Duration::from_secs(1));
            probe.period()
        };
        loop {
            tokio::time::sleep(period).await;
            sample().await;
        }
    });
}

pub fn branch_timer_with_cancellation(fast: bool, token: CancellationToken) {
    tokio::spawn(async move {
        let mut ticks = if fast {
            interval(Duration::from_millis(100))
        } else {
            interval(Duration::from_secs(1))
        };
        loop {
            tokio::select! {
                _ = token.cancelled() => break,
                _ = ticks.tick() => sample().await,
            }
        }
    });
}

// Built once, before the loop, in a block: not rebuilt.
pub async fn built_once_in_a_block() {
    let mut ticks = { interval(Duration::from_secs(1)) };
    loop {
        ticks.tick().await;
        sample().await;
    }
}
