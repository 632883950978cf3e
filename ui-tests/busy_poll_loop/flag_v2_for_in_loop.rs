// A `for` that tries each worker once is fine on its own; inside a loop that
// never waits, it tries them all again at once, and spins while all are busy.
use std::sync::{Arc, Mutex};

pub struct Worker {
    pub queue: Mutex<Vec<u64>>,
}

pub fn hand_out(workers: &[Arc<Worker>], job: u64) {
    loop {
        for worker in workers {
            if let Ok(mut queue) = worker.queue.try_lock() { //~ busy_poll_loop
                queue.push(job);
                return;
            }
        }
    }
}
