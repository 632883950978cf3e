// The twins of flag_v2_short_circuit.rs that wait on every path from an
// empty poll: the wait comes first, or the other branch waits too.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

const IDLE_WAIT: Duration = Duration::from_millis(5);

pub struct Job;

fn run(_job: Job) {}

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
    pub fn wait_first(&self, rx: Receiver<Job>) {
        loop {
            match rx.try_recv() {
                Ok(job) => run(job),
                Err(TryRecvError::Empty) => {
                    if !self.idle.park_timeout(IDLE_WAIT)
                        && self.parked.load(Ordering::Acquire) < self.max_parked
                    {
                        self.parked.fetch_sub(1, Ordering::Release);
                    }
                }
                Err(TryRecvError::Disconnected) => return,
            }
        }
    }

    pub fn else_sleeps(&self, rx: Receiver<Job>) {
        loop {
            match rx.try_recv() {
                Ok(job) => run(job),
                Err(TryRecvError::Empty) => {
                    if self.parked.load(Ordering::Acquire) < self.max_parked
                        && !self.idle.park_timeout(IDLE_WAIT)
                    {
                        self.parked.fetch_sub(1, Ordering::Release);
                    } else {
                        std::thread::sleep(IDLE_WAIT);
                    }
                }
                Err(TryRecvError::Disconnected) => return,
            }
        }
    }

    pub fn nested_else_sleeps(&self, rx: Receiver<Job>) {
        loop {
            match rx.try_recv() {
                Ok(job) => run(job),
                Err(TryRecvError::Empty) => {
                    if self.parked.load(Ordering::Acquire) < self.max_parked {
                        if !self.idle.park_timeout(IDLE_WAIT) {
                            self.parked.fetch_sub(1, Ordering::Release);
                        } else {
                            std::thread::sleep(IDLE_WAIT);
                        }
                    } else {
                        std::thread::sleep(IDLE_WAIT);
                    }
                }
                Err(TryRecvError::Disconnected) => return,
            }
        }
    }
}
