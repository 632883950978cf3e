// More ways a loop observes cancellation or is wrapped by it.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures::FutureExt;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

pub fn owned_token(token: CancellationToken, feed: Feed) {
    tokio::spawn(async move {
        token
            .run_until_cancelled_owned(async move {
                loop {
                    feed.refresh().await;
                }
            })
            .await;
    });
}

pub fn wait_for_stop(mut state_rx: watch::Receiver<State>, mut stop_rx: watch::Receiver<bool>, feed: Feed) {
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = stop_rx.wait_for(|stop| *stop) => break,
                _ = state_rx.changed() => feed.refresh().await,
            }
        }
    });
}

pub fn closed_channel(tx: tokio::sync::mpsc::Sender<Event>, close_rx: tokio::sync::oneshot::Receiver<()>, feed: Feed) {
    let mut close_rx = close_rx;
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = &mut close_rx => return,
                event = feed.next_event() => { let _ = tx.send(event).await; }
            }
        }
    });
}

pub fn futures_select(token: CancellationToken, feed: Feed) {
    tokio::spawn(async move {
        loop {
            futures::select! {
                _ = token.cancelled().fuse() => break,
                _ = feed.refresh().fuse() => {}
            }
        }
    });
}

pub fn raced_against_shutdown(mut shutdown: watch::Receiver<()>, feed: Feed) {
    tokio::spawn(async move {
        tokio::select! {
            _ = shutdown.changed() => {}
            _ = async {
                loop {
                    feed.refresh().await;
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            } => {}
        }
    });
}

pub fn terminate_flag(terminate: Arc<AtomicBool>, device: Device) {
    std::thread::spawn(move || loop {
        if terminate.load(Ordering::Acquire) {
            device.close();
        }
        device.poll();
    });
}

pub fn timed(feed: Feed) {
    tokio::spawn(tokio::time::timeout(Duration::from_secs(60), async move {
        loop {
            feed.refresh().await;
        }
    }));
}

pub fn abortable_task(feed: Feed) -> futures::future::AbortHandle {
    let (task, abort) = futures::future::abortable(async move {
        loop {
            feed.refresh().await;
        }
    });
    tokio::spawn(task);
    abort
}
