// The crate's own receiver: `recv` waits on a condition variable.
use std::sync::{Condvar, Mutex};

pub struct Receiver {
    ready: Mutex<bool>,
    cond: Condvar,
}

impl Receiver {
    pub fn recv(&self) {
        let mut ready = self.ready.lock().unwrap();
        while !*ready {
            ready = self.cond.wait(ready).unwrap();
        }
    }
}
