// Loops that spin when the queue is empty, with the usual imports.
use std::sync::mpsc::{self, TryRecvError};
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc::error::TryRecvError as TokioTryRecvError;

fn handle(_m: u32) {}

pub fn spin_worker(rx: mpsc::Receiver<u32>) {
    loop {
        match rx.try_recv() { //~ busy_poll_loop
            Ok(m) => handle(m),
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {}
        }
    }
}

pub async fn tokio_spin(mut rx: tokio::sync::mpsc::Receiver<u32>) {
    loop {
        if let Ok(m) = rx.try_recv() { //~ busy_poll_loop
            handle(m);
        }
    }
}

pub fn lock_spin(state: Arc<Mutex<u32>>) {
    loop {
        if let Ok(mut g) = state.try_lock() { //~ busy_poll_loop
            *g += 1;
        }
    }
}

pub async fn continue_skips_sleep(mut rx: tokio::sync::mpsc::Receiver<u32>) {
    loop {
        let m = match rx.try_recv() { //~ busy_poll_loop
            Ok(m) => m,
            Err(TokioTryRecvError::Empty) => continue,
            Err(TokioTryRecvError::Disconnected) => continue,
        };
        handle(m);
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
}

pub async fn select_default(mut rx: futures::channel::mpsc::Receiver<u32>) {
    use futures::StreamExt;
    loop {
        futures::select! { //~ busy_poll_loop
            m = rx.next() => handle(m.unwrap()),
            default => {}
        }
    }
}

pub async fn send_spin(tx: tokio::sync::mpsc::Sender<u32>) {
    loop {
        let _ = tx.try_send(1); //~ busy_poll_loop
    }
}
