// An async sleep that is made but never awaited waits for nothing: the loop
// comes straight back and polls again.
use std::time::Duration;
use tokio::sync::broadcast::{self, error::TryRecvError};
use tokio::time::{sleep, Instant};

fn handle(_v: u64) {}

pub async fn forgot_the_await(mut rx: broadcast::Receiver<u64>) {
    loop {
        match rx.try_recv() { //~ busy_poll_loop
            Ok(v) => handle(v),
            Err(TryRecvError::Empty) => {
                let _ = sleep(Duration::from_millis(10));
            }
            Err(_) => break,
        }
    }
}

pub async fn yields_nothing(mut rx: broadcast::Receiver<u64>) {
    loop {
        match rx.try_recv() { //~ busy_poll_loop
            Ok(v) => handle(v),
            Err(TryRecvError::Empty) => drop(tokio::task::yield_now()),
            Err(_) => break,
        }
    }
}

// A poll whose success leaves the loop, with only the unawaited sleep
// between two empty polls: the sleep is no work, so this is a spin, not a
// stop check beside the loop's work.
pub async fn waits_for_the_job(mut job: tokio::task::JoinHandle<u32>) -> u32 {
    use futures::FutureExt;
    loop {
        match (&mut job).now_or_never() { //~ busy_poll_loop
            Some(done) => return done.unwrap_or(0),
            None => {
                let _ = sleep(Duration::from_millis(10));
            }
        }
    }
}

/// Near miss: the sleep is bound first and awaited on the empty path.
pub async fn awaits_it_later(mut rx: broadcast::Receiver<u64>) {
    loop {
        match rx.try_recv() {
            Ok(v) => handle(v),
            Err(TryRecvError::Empty) => {
                let pause = tokio::time::sleep_until(Instant::now() + Duration::from_millis(10));
                pause.await;
            }
            Err(_) => break,
        }
    }
}

/// Near miss: a thread's sleep needs no await.
pub fn thread_sleeps(rx: std::sync::mpsc::Receiver<u64>) {
    loop {
        match rx.try_recv() {
            Ok(v) => handle(v),
            Err(std::sync::mpsc::TryRecvError::Empty) => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => break,
        }
    }
}
