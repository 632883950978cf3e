// A wait imported under another name, or a poll given a timeout, is a wait: silent.
use std::sync::mpsc::{Receiver, TryRecvError};
use std::thread::sleep as nap;
use std::time::Duration;

fn handle(_m: u32) {}

pub fn naps_on_empty(rx: Receiver<u32>) {
    loop {
        match rx.try_recv() {
            Ok(m) => handle(m),
            Err(TryRecvError::Empty) => nap(Duration::from_millis(2)),
            Err(TryRecvError::Disconnected) => break,
        }
    }
}

pub fn dozes_on_empty(rx: Receiver<u32>) {
    use std::thread::park_timeout as doze;
    loop {
        match rx.try_recv() {
            Ok(m) => handle(m),
            Err(TryRecvError::Empty) => doze(Duration::from_millis(2)),
            Err(TryRecvError::Disconnected) => break,
        }
    }
}

pub async fn gives_way(mut rx: tokio::sync::mpsc::Receiver<u32>) {
    use tokio::task::yield_now as give_way;
    loop {
        match rx.try_recv() {
            Ok(m) => handle(m),
            Err(_) => give_way().await,
        }
    }
}

// A helper of this file that waits through a renamed import.
fn pause() {
    nap(Duration::from_millis(5));
}

pub fn pauses_on_empty(rx: Receiver<u32>) {
    loop {
        match rx.try_recv() {
            Ok(m) => handle(m),
            Err(TryRecvError::Empty) => pause(),
            Err(TryRecvError::Disconnected) => break,
        }
    }
}

// A terminal UI's loop: crossterm's `event::poll(timeout)` blocks up to the
// timeout when no input comes.
pub fn terminal_loop(rx: Receiver<u32>) -> std::io::Result<()> {
    use crossterm::event::{poll, read};
    loop {
        while let Ok(m) = rx.try_recv() {
            handle(m);
        }
        if poll(Duration::from_millis(50))? {
            let _ = read()?;
        }
    }
}

// The lock `try_lock` found held is then awaited: that parks until its
// holder lets go, so the failed path waits.
pub async fn mirror(
    state: std::sync::Arc<tokio::sync::Mutex<Vec<u8>>>,
    out: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
) {
    loop {
        match state.try_lock() {
            Ok(p) => {
                *out.lock().unwrap() = p.clone();
                drop(p);
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
            Err(_) => {
                let _g = state.lock().await;
            }
        }
    }
}
