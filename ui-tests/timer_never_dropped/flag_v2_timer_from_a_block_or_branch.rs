// A timer is the value of a block, of a branch of an `if` or of an arm of
// a `match`: the binding holds it all the same.
use tokio::time::{interval, sleep, Duration, MissedTickBehavior};

async fn sample() {}

pub fn configured_block() {
    tokio::spawn(async move { //~ spawn_without_cancel
        let mut ticks = {
            let mut i = interval(Duration::from_secs(1)); //~ timer_never_dropped
            i.set_missed_tick_behavior(MissedTickBehavior::Skip);
            i
        };
        loop {
            ticks.tick().await;
            sample().await;
        }
    });
}

pub fn either_branch(fast: bool) {
    tokio::spawn(async move { //~ spawn_without_cancel
        let mut ticks = if fast {
            interval(Duration::from_millis(100)) //~ timer_never_dropped
        } else {
            interval(Duration::from_secs(1)) //~ timer_never_dropped
        };
        loop {
            ticks.tick().await;
            sample().await;
        }
    });
}

pub fn any_arm(speed: u8) {
    tokio::spawn(async move { //~ spawn_without_cancel
        let delay = match speed {
            0 => Box::pin(sleep(Duration::from_secs(10))), //~ timer_never_dropped
            _ => Box::pin(sleep(Duration::from_secs(1))), //~ timer_never_dropped
        };
        tokio::pin!(delay);
        loop {
            tokio::select! {
                _ = &mut delay => {}
                _ = sample() => {}
            }
        }
    });
}

// Case 4: rebuilt on every iteration, inside a block.
pub async fn rebuilt_in_a_block() {
    loop {
        let mut ticks = { interval(Duration::from_secs(1)) }; //~ timer_never_dropped
        ticks.tick().await;
        sample().await;
    }
}
