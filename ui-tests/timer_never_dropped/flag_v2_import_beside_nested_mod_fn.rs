// A timer handed to a fn is pinned by that fn's endless loop only when the
// name means that fn: `publish_every` below is imported from another file
// (which leaklint does not read here), not `inner::publish_every`.
use std::time::Duration;

use tokio::time::{interval, Interval};

use crate::publisher::publish_every;

async fn heartbeat(mut iv: Interval) {
    loop {
        iv.tick().await;
        tracing::trace!("alive");
    }
}

pub fn start_heartbeat(period: Duration) {
    tokio::spawn(async move { //~ spawn_without_cancel
        let iv = interval(period); //~ timer_never_dropped
        heartbeat(iv).await;
    });
}

pub fn start_publisher(period: Duration) {
    // Not flagged: the imported `publish_every`, not `inner::publish_every`.
    tokio::spawn(async move {
        let iv = interval(period);
        publish_every(iv).await;
    });
}

mod inner {
    use tokio::time::Interval;

    pub async fn publish_every(mut iv: Interval) {
        loop {
            iv.tick().await;
        }
    }
}
