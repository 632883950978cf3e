// A `Condvar` declared as a static of the file (also in a lazy value) is
// known by the type the static declares.
use std::sync::{Condvar, LazyLock, Mutex};

static READY: Mutex<bool> = Mutex::new(false);
static READY_CV: Condvar = Condvar::new();
static LAZY_CV: LazyLock<Condvar> = LazyLock::new(Condvar::new);

pub async fn wait_ready() {
    let mut ready = READY.lock().unwrap();
    while !*ready {
        ready = READY_CV.wait(ready).unwrap(); //~ blocking_call_in_async
    }
}

pub async fn wait_lazily() {
    let ready = READY.lock().unwrap();
    let _ready = LAZY_CV.wait(ready).unwrap(); //~ blocking_call_in_async
}

// Near misses: a static of another type with a `wait` method, and the
// same wait in a sync fn.
pub struct Gate;

impl Gate {
    pub fn wait(&self, _turns: u32) {}
}

static DOOR: Gate = Gate;

pub async fn knock() {
    DOOR.wait(1);
}

pub fn wait_ready_blocking() {
    let ready = READY.lock().unwrap();
    let _ready = READY_CV.wait(ready).unwrap();
}
