// Case 3 with other spawn calls and timer crates: async-io's Timer under
// smol, futures-timer's Delay for a reconnect backoff, a runtime handle.
use std::time::Duration;

use async_io::Timer as IoTimer;
use futures::StreamExt;
use futures_timer::Delay as Backoff;
use tokio::runtime::Handle;

async fn probe_upstream() {}
async fn reconnect() -> bool {
    true
}

pub fn start_probe() {
    smol::spawn(async move { //~ spawn_without_cancel
        let mut every = IoTimer::interval(Duration::from_secs(3)); //~ timer_never_dropped
        loop {
            every.next().await;
            probe_upstream().await;
        }
    })
    .detach();
}

pub fn start_reconnector() {
    let backoff = Backoff::new(Duration::from_millis(500)); //~ timer_never_dropped
    Handle::current().spawn(async move { //~ spawn_without_cancel
        let mut backoff = backoff;
        loop {
            (&mut backoff).await;
            if !reconnect().await {
                backoff.reset(Duration::from_secs(5));
            }
        }
    });
}

pub fn start_async_std_poller() {
    let ticker = async_std::stream::interval(Duration::from_secs(1)); //~ timer_never_dropped
    async_std::task::spawn(async move { //~ spawn_without_cancel
        let mut ticker = ticker;
        loop {
            ticker.next().await;
            probe_upstream().await;
        }
    });
}
