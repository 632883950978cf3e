// Blocking receives, condition variables, barriers and thread joins
// inside async code park the worker until another thread acts.
use std::sync::{Arc, Barrier, Condvar, Mutex};
use std::thread;

pub async fn collect_crossbeam(jobs: Vec<Job>) -> Vec<Output> {
    let (tx, rx) = crossbeam_channel::bounded(jobs.len());
    for job in jobs {
        let tx = tx.clone();
        thread::spawn(move || tx.send(job.run()));
    }
    drop(tx);
    let mut out = Vec::new();
    while let Ok(o) = rx.recv() { //~ blocking_call_in_async
        out.push(o);
    }
    out
}

pub async fn first_event(source: EventSource) -> Option<Event> {
    let (tx, rx) = flume::unbounded();
    source.subscribe(tx);
    rx.recv().ok() //~ blocking_call_in_async
}

pub async fn compress(data: Vec<u8>) -> Vec<u8> {
    let handle = thread::spawn(move || zstd::encode_all(&data[..], 3).unwrap());
    handle.join().unwrap() //~ blocking_call_in_async
}

pub async fn named_worker() -> u64 {
    let worker = thread::Builder::new()
        .name("hasher".into())
        .spawn(|| expensive_hash())
        .expect("spawn");
    worker.join().unwrap_or(0) //~ blocking_call_in_async
}

pub async fn wait_ready() {
    let pair = Arc::new((Mutex::new(false), Condvar::new()));
    let pair2 = Arc::clone(&pair);
    thread::spawn(move || {
        let (lock, cvar) = &*pair2;
        *lock.lock().unwrap() = true;
        cvar.notify_one();
    });
    let (lock, cvar) = &*pair;
    let mut ready = lock.lock().unwrap();
    while !*ready {
        ready = cvar.wait(ready).unwrap(); //~ blocking_call_in_async
    }
}

pub struct Pool {
    idle: Mutex<usize>,
    available: Condvar,
}

impl Pool {
    pub async fn checkout(&self) {
        let guard = self.idle.lock().unwrap();
        let mut guard = self.available.wait_while(guard, |n| *n == 0).unwrap(); //~ blocking_call_in_async
        *guard -= 1;
    }
}

pub async fn rendezvous(n: usize) {
    let barrier = Arc::new(Barrier::new(n));
    for _ in 1..n {
        let b = Arc::clone(&barrier);
        thread::spawn(move || {
            b.wait();
        });
    }
    barrier.wait(); //~ blocking_call_in_async
}
