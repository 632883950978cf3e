// `a && !wait()` waits only when `a` holds: the path where it does not spins.
// Written as one condition or as two nested `if`s, it is the same path.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

const IDLE_WAIT: Duration = Duration::from_millis(5);

pub struct Job;

fn run(_job: Job) {}

/// Parks idle workers; `park_timeout` returns whether the worker was woken
/// before the timeout.
pub struct Idle;

impl Idle {
    pub fn park_timeout(&self, _d: Duration) -> bool {
        true
    }
}

pub struct Pool {
    pub parked: AtomicUsize,
    pub max_parked: usize,
    pub idle: Idle,
}

impl Pool {
    pub fn worker_and(&self, rx: Receiver<Job>) {
        loop {
            match rx.try_recv() { //~ busy_poll_loop
                Ok(job) => run(job),
                Err(TryRecvError::Empty) => {
                    if self.parked.load(Ordering::Acquire) < self.max_parked
                        && !self.idle.park_timeout(IDLE_WAIT)
                    {
                        self.parked.fetch_sub(1, Ordering::Release);
                    }
                }
                Err(TryRecvError::Disconnected) => return,
            }
        }
    }

    pub fn worker_nested(&self, rx: Receiver<Job>) {
        loop {
            match rx.try_recv() { //~ busy_poll_loop
                Ok(job) => run(job),
                Err(TryRecvError::Empty) => {
                    if self.parked.load(Ordering::Acquire) < self.max_parked {
                        if !self.idle.park_timeout(IDLE_WAIT) {
                            self.parked.fetch_sub(1, Ordering::Release);
                        }
                    }
                }
                Err(TryRecvError::Disconnected) => return,
            }
        }
    }
}
