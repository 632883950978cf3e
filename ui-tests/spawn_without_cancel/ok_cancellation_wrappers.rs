// A task whose whole future is wrapped by cancellation, once per form:
// a deadline, an abort registration, a token that runs the future.
use std::time::Duration;

use futures::future::{AbortRegistration, Abortable};
use tokio::time::{timeout_at, Instant};
use tokio_util::sync::CancellationToken;

pub fn until_a_deadline(feed: Feed) {
    let deadline = Instant::now() + Duration::from_secs(60);
    tokio::spawn(timeout_at(deadline, async move {
        loop {
            feed.refresh().await;
        }
    }));
}

pub fn until_aborted(feed: Feed, registration: AbortRegistration) {
    tokio::spawn(Abortable::new(
        async move {
            loop {
                feed.refresh().await;
            }
        },
        registration,
    ));
}

pub fn until_cancelled(token: CancellationToken, feed: Feed) {
    tokio::spawn(token.run_until_cancelled_owned(async move {
        loop {
            feed.refresh().await;
        }
    }));
}

pub fn inside_the_task(token: CancellationToken, feed: Feed) {
    tokio::spawn(async move {
        tokio::time::timeout_at(Instant::now() + Duration::from_secs(60), async {
            loop {
                feed.refresh().await;
            }
        })
        .await
        .ok();
        token.cancelled().await;
    });
}

pub struct Feed;

impl Feed {
    pub async fn refresh(&self) {}
}
