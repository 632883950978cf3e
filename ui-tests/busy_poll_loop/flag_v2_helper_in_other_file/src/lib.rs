// A poll loop whose empty path calls a fn of the crate in another file:
// a fn that sleeps makes it wait (left alone); one that only counts does
// not (reported).
mod backoff;
mod stats;

use std::sync::mpsc::{Receiver, TryRecvError};

pub fn drain_with_backoff(rx: &Receiver<u64>, out: &mut Vec<u64>) {
    let mut misses = 0;
    loop {
        match rx.try_recv() {
            Ok(v) => {
                misses = 0;
                out.push(v);
            }
            Err(TryRecvError::Empty) => {
                misses += 1;
                backoff::pause(misses);
            }
            Err(TryRecvError::Disconnected) => return,
        }
    }
}

pub fn drain_counting(rx: &Receiver<u64>, out: &mut Vec<u64>) {
    loop {
        match rx.try_recv() { //~ busy_poll_loop
            Ok(v) => out.push(v),
            Err(TryRecvError::Empty) => stats::record_miss(),
            Err(TryRecvError::Disconnected) => return,
        }
    }
}
