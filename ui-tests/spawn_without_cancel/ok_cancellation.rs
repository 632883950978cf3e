// Loops that observe cancellation, or that cancellation wraps.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures::future::abortable;
use tokio::sync::{broadcast, watch, Notify};
use tokio::time::{sleep, timeout};
use tokio_util::sync::CancellationToken;

pub fn token_in_select(token: CancellationToken) {
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = token.cancelled() => break,
                _ = sleep(Duration::from_secs(1)) => flush().await,
            }
        }
    });
}

pub fn token_checked(token: CancellationToken) {
    tokio::spawn(async move {
        loop {
            if token.is_cancelled() {
                cleanup().await;
            }
            flush().await;
        }
    });
}

pub fn shutdown_channels(mut shutdown_rx: broadcast::Receiver<()>, mut stop: watch::Receiver<bool>) {
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = shutdown_rx.recv() => return,
                _ = sleep(Duration::from_secs(1)) => flush().await,
            }
        }
    });
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = stop.changed() => {}
                _ = flush() => {}
            }
        }
    });
}

pub fn notify(close_notify: Arc<Notify>) {
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = close_notify.notified() => {}
                _ = flush() => {}
            }
        }
    });
}

pub fn stop_flag(should_stop: Arc<AtomicBool>) {
    std::thread::spawn(move || loop {
        if should_stop.load(Ordering::Relaxed) {
            cleanup_sync();
        }
        work_sync();
    });
}

pub fn wrapped(token: CancellationToken) {
    let t = token.clone();
    tokio::spawn(async move {
        t.run_until_cancelled(async {
            loop {
                flush().await;
            }
        })
        .await;
    });
    tokio::spawn(
        async {
            loop {
                flush().await;
            }
        }
        .with_cancellation_token_owned(token),
    );
    tokio::spawn(timeout(Duration::from_secs(30), async {
        loop {
            flush().await;
        }
    }));
    let (fut, abort_handle) = abortable(async {
        loop {
            flush().await;
        }
    });
    tokio::spawn(fut);
    register(abort_handle);
}

pub fn raced_against_shutdown(mut shutdown: broadcast::Receiver<()>) {
    tokio::spawn(async move {
        tokio::select! {
            _ = shutdown.recv() => {}
            _ = async {
                loop {
                    flush().await;
                }
            } => {}
        }
    });
}

pub fn signal_fn() {
    tokio::spawn(async move {
        tokio::select! {
            _ = shutdown_signal() => {}
            _ = async { loop { flush().await; } } => {}
        }
    });
}
