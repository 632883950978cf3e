// A `while` on the empty path that waits only in a branch, or not at all,
// does not make the path wait.
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;

struct Job;
fn run(_: Job) {}

pub fn waits_in_a_branch(rx: Receiver<Job>, signal: Arc<(Mutex<bool>, Condvar)>, lazy: bool) {
    thread::spawn(move || loop {
        match rx.try_recv() { //~ busy_poll_loop
            Ok(job) => run(job),
            Err(TryRecvError::Empty) => {
                let (lock, cv) = &*signal;
                let mut ready = lock.lock().unwrap();
                while !*ready {
                    if lazy {
                        ready = cv.wait(ready).unwrap();
                    } else {
                        break;
                    }
                }
            }
            Err(TryRecvError::Disconnected) => break,
        }
    });
}

pub fn spins_on_a_counter(rx: Receiver<Job>, mut spins: u32) {
    thread::spawn(move || loop {
        match rx.try_recv() { //~ busy_poll_loop
            Ok(job) => run(job),
            Err(TryRecvError::Empty) => {
                while spins > 0 {
                    spins -= 1;
                }
            }
            Err(TryRecvError::Disconnected) => break,
        }
    });
}
