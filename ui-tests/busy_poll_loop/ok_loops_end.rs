// Polling loops that end: drains, breaks on Empty, returns, `?`.
use std::sync::mpsc::{self, TryRecvError};

fn handle(_v: u32) {}

pub fn drain(rx: &mpsc::Receiver<u32>) {
    while let Ok(v) = rx.try_recv() {
        handle(v);
    }
}

pub fn break_on_empty(rx: &mpsc::Receiver<u32>) {
    loop {
        match rx.try_recv() {
            Ok(v) => handle(v),
            Err(TryRecvError::Empty) => break,
            Err(TryRecvError::Disconnected) => return,
        }
    }
}

pub fn question_mark(tx: &mpsc::SyncSender<u32>) -> Result<(), mpsc::TrySendError<u32>> {
    let mut n = 0;
    loop {
        tx.try_send(n)?;
        n += 1;
    }
}

pub fn labelled_break(rx: &mpsc::Receiver<u32>) {
    'drain: loop {
        for _ in 0..8 {
            if rx.try_recv().is_err() {
                break 'drain;
            }
        }
    }
}

pub fn bounded_retries(rx: &mpsc::Receiver<u32>) -> Option<u32> {
    for _ in 0..100 {
        if let Ok(v) = rx.try_recv() {
            return Some(v);
        }
    }
    None
}

pub fn no_poll_at_all(rx: mpsc::Receiver<u32>) {
    loop {
        let v = rx.recv().unwrap();
        handle(v);
    }
}

pub fn poll_only_in_a_closure(rx: mpsc::Receiver<u32>, pool: &crate::Pool) {
    loop {
        let job = || rx.try_recv().ok();
        pool.run(job);
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}
