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
