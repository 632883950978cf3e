// A wait written as a loop on its predicate (the guard against spurious
// wake-ups) waits as `wait_while` does.
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::Duration;

struct Job;
fn run(_: Job) {}

pub fn condvar_worker(rx: Receiver<Job>, signal: Arc<(Mutex<bool>, Condvar)>) {
    thread::spawn(move || loop {
        match rx.try_recv() {
            Ok(job) => run(job),
            Err(TryRecvError::Empty) => {
                let (lock, cv) = &*signal;
                let mut ready = lock.lock().unwrap();
                while !*ready {
                    ready = cv.wait(ready).unwrap();
                }
                *ready = false;
            }
            Err(TryRecvError::Disconnected) => break,
        }
    });
}

pub fn sleeps_until_flag(rx: Receiver<Job>, flag: Arc<std::sync::atomic::AtomicBool>) {
    thread::spawn(move || loop {
        match rx.try_recv() {
            Ok(job) => run(job),
            Err(TryRecvError::Empty) => {
                while !flag.load(std::sync::atomic::Ordering::Acquire) {
                    thread::sleep(Duration::from_millis(10));
                }
            }
            Err(TryRecvError::Disconnected) => break,
        }
    });
}
