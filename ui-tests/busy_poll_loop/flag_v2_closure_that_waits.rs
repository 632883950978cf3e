// A closure bound in the fn and called where the poll found nothing waits
// as a helper fn would: `let pause = || thread::sleep(d); … pause()`.
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

pub fn run_jobs(rx: Receiver<u64>) {
    let pause = || std::thread::sleep(Duration::from_millis(2));
    loop {
        match rx.try_recv() {
            Ok(job) => handle(job),
            Err(TryRecvError::Empty) => pause(),
            Err(TryRecvError::Disconnected) => return,
        }
    }
}

pub fn run_jobs_with_backoff(rx: Receiver<u64>) {
    let wait_a_bit = |ms: u64| {
        tracing::trace!("idle");
        backoff(ms);
    };
    loop {
        match rx.try_recv() {
            Ok(job) => handle(job),
            Err(TryRecvError::Empty) => wait_a_bit(5),
            Err(TryRecvError::Disconnected) => return,
        }
    }
}

// A closure that only logs is no wait: the loop spins.
pub fn run_jobs_noisily(rx: Receiver<u64>) {
    let note_idle = || tracing::trace!("idle");
    loop {
        match rx.try_recv() { //~ busy_poll_loop
            Ok(job) => handle(job),
            Err(TryRecvError::Empty) => note_idle(),
            Err(TryRecvError::Disconnected) => return,
        }
    }
}

fn backoff(ms: u64) {
    std::thread::sleep(Duration::from_millis(ms));
}

fn handle(_job: u64) {}
