// Polling loops that sleep, yield, await or block on every path.
use std::sync::mpsc::{self, TryRecvError};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use tokio::time::{self as tt, sleep};

fn handle(_v: u32) {}

pub fn sleeps_every_turn(rx: mpsc::Receiver<u32>) {
    loop {
        if let Ok(v) = rx.try_recv() {
            handle(v);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

pub async fn awaits_every_turn(mut rx: tokio::sync::mpsc::Receiver<u32>) {
    loop {
        match rx.try_recv() {
            Ok(v) => handle(v),
            Err(_) => {}
        }
        sleep(Duration::from_millis(5)).await;
    }
}

pub async fn yields(mut rx: tokio::sync::mpsc::Receiver<u32>) {
    loop {
        while let Ok(v) = rx.try_recv() {
            handle(v);
        }
        tokio::task::yield_now().await;
    }
}

pub async fn every_arm_waits(mut rx: tokio::sync::mpsc::Receiver<u32>) {
    loop {
        match rx.try_recv() {
            Ok(v) => {
                handle(v);
                tt::sleep(Duration::from_millis(1)).await;
            }
            Err(_) => tt::sleep(Duration::from_millis(50)).await,
        }
    }
}

pub async fn other_await(mut rx: tokio::sync::mpsc::Receiver<u32>, client: crate::Client) {
    loop {
        if let Ok(v) = rx.try_recv() {
            handle(v);
        }
        client.heartbeat().await;
    }
}

pub fn blocking_recv_fallback(rx: mpsc::Receiver<u32>) {
    loop {
        match rx.try_recv() {
            Ok(v) => {
                handle(v);
                std::thread::yield_now();
            }
            Err(TryRecvError::Empty) => {
                if let Ok(v) = rx.recv_timeout(Duration::from_secs(1)) {
                    handle(v);
                }
            }
            Err(TryRecvError::Disconnected) => std::process::exit(0),
        }
    }
}

pub fn condvar(pair: Arc<(Mutex<bool>, Condvar)>, rx: mpsc::Receiver<u32>) {
    let (lock, cvar) = &*pair;
    loop {
        if let Ok(v) = rx.try_recv() {
            handle(v);
        }
        let ready = lock.lock().unwrap();
        let _ready = cvar.wait(ready).unwrap();
    }
}

pub fn parks(rx: mpsc::Receiver<u32>) {
    loop {
        if let Ok(v) = rx.try_recv() {
            handle(v);
        }
        std::thread::park();
    }
}

pub async fn select_without_default(mut rx: tokio::sync::mpsc::Receiver<u32>) {
    loop {
        tokio::select! {
            Some(v) = rx.recv() => handle(v),
            _ = sleep(Duration::from_secs(1)) => {
                if let Ok(v) = rx.try_recv() {
                    handle(v);
                }
            }
        }
    }
}

pub async fn select_default_then_sleep(mut events: futures::channel::mpsc::Receiver<u32>) {
    use futures::StreamExt;
    loop {
        futures::select! {
            v = events.next() => println!("{v:?}"),
            default => {},
        }
        sleep(Duration::from_millis(20)).await;
    }
}

pub fn blocking_socket_read(mut stream: std::net::TcpStream, state: Arc<Mutex<Vec<u8>>>) {
    use std::io::Read;
    let mut buf = [0u8; 1024];
    loop {
        let n = stream.read(&mut buf).unwrap_or(0);
        if let Ok(mut shared) = state.try_lock() {
            shared.extend_from_slice(&buf[..n]);
        }
    }
}
