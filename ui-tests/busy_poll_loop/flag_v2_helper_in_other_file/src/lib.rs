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

// The same through methods of the crate's types, found by the field's
// type: `Pacer::pause` sleeps (left alone), `Tally::miss` only counts
// (reported), and a method on a value of unknown type is no wait.
pub struct Sink {
    rx: Receiver<u64>,
    pacer: backoff::Pacer,
    tally: stats::Tally,
}

impl Sink {
    pub fn run_paced(&self, out: &mut Vec<u64>) {
        loop {
            match self.rx.try_recv() {
                Ok(v) => out.push(v),
                Err(TryRecvError::Empty) => self.pacer.pause(),
                Err(TryRecvError::Disconnected) => return,
            }
        }
    }

    pub fn run_counted(&self, out: &mut Vec<u64>) {
        loop {
            match self.rx.try_recv() { //~ busy_poll_loop
                Ok(v) => out.push(v),
                Err(TryRecvError::Empty) => self.tally.miss(),
                Err(TryRecvError::Disconnected) => return,
            }
        }
    }

    pub fn run_with(&self, out: &mut Vec<u64>, idle: &dyn Fn()) {
        let waiter = make_waiter();
        loop {
            match self.rx.try_recv() { //~ busy_poll_loop
                Ok(v) => out.push(v),
                Err(TryRecvError::Empty) => waiter.idle(),
                Err(TryRecvError::Disconnected) => return idle(),
            }
        }
    }
}

fn make_waiter() -> impl Waiter {
    backoff::Pacer
}

pub trait Waiter {
    fn idle(&self);
}

// Helpers that park or block on a receive wait too (left alone); one that
// parks only in a thread it starts does not (reported).
pub fn drain_parked(rx: &Receiver<u64>, wake: &Receiver<()>, out: &mut Vec<u64>) {
    loop {
        match rx.try_recv() {
            Ok(v) => out.push(v),
            Err(TryRecvError::Empty) => backoff::settle(),
            Err(TryRecvError::Disconnected) => break,
        }
    }
    loop {
        match rx.try_recv() {
            Ok(v) => out.push(v),
            Err(TryRecvError::Empty) => backoff::wait_wakeup(wake),
            Err(TryRecvError::Disconnected) => return,
        }
    }
}

pub fn drain_parking_elsewhere(rx: &Receiver<u64>, out: &mut Vec<u64>) {
    loop {
        match rx.try_recv() { //~ busy_poll_loop
            Ok(v) => out.push(v),
            Err(TryRecvError::Empty) => backoff::park_elsewhere(),
            Err(TryRecvError::Disconnected) => return,
        }
    }
}

pub fn drain_labelling(rx: &Receiver<u64>, out: &mut Vec<String>) {
    loop {
        match rx.try_recv() { //~ busy_poll_loop
            Ok(v) => out.push(v.to_string()),
            Err(TryRecvError::Empty) => out.push(backoff::label(&["idle", "miss"])),
            Err(TryRecvError::Disconnected) => return,
        }
    }
}

/// Near miss: the empty path sleeps in a method of what `backoff::global`
/// returns, a `Pacer`.
pub fn drain_with_global_pacer(rx: &Receiver<u64>, out: &mut Vec<u64>) {
    loop {
        match rx.try_recv() {
            Ok(v) => out.push(v),
            Err(TryRecvError::Empty) => backoff::global().pause(),
            Err(TryRecvError::Disconnected) => return,
        }
    }
}
