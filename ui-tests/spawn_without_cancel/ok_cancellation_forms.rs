// More ways a loop observes cancellation or is wrapped by it.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures::FutureExt;
use tokio::sync::{mpsc, watch};
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

pub fn wait_for_stop(mut stop_rx: watch::Receiver<bool>, feed: Feed) {
    tokio::spawn(async move {
        tokio::select! {
            _ = stop_rx.wait_for(|stop| *stop) => {}
            _ = async {
                loop {
                    feed.refresh().await;
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            } => {}
        }
    });
}

pub fn until_receiver_closes(events: mpsc::Sender<Event>, feed: Feed) {
    let shutdown_tx = events.clone();
    tokio::spawn(async move {
        tokio::select! {
            _ = shutdown_tx.closed() => {}
            _ = async {
                loop {
                    let event = feed.next_event().await;
                    let _ = events.send(event).await;
                }
            } => {}
        }
    });
}

pub fn futures_select(token: CancellationToken, feed: Feed) {
    tokio::spawn(async move {
        futures::select! {
            _ = token.cancelled().fuse() => {}
            _ = async {
                loop {
                    feed.refresh().await;
                }
            }.fuse() => {}
        }
    });
}

pub fn flush_then_exit(mut quit_rx: watch::Receiver<()>, feed: Feed) {
    tokio::spawn(async move {
        loop {
            tokio::select! {
                // Observed: the process exits from here, after a last flush.
                _ = quit_rx.changed() => {
                    feed.flush().await;
                    std::process::exit(0);
                }
                _ = feed.refresh() => {}
            }
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
