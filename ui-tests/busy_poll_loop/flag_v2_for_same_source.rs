// A `for` that never runs out of items (`0..`, `repeat`, `.cycle()`) is a
// loop like `loop`: one that polls without waiting spins a core. A `for`
// over a collection or a bounded range tries a known number of times.
use std::sync::mpsc::Receiver;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

pub struct Worker {
    pub queue: Mutex<Vec<u64>>,
}

pub fn forever(rx: Receiver<u8>) {
    for _ in 0.. {
        if let Ok(byte) = rx.try_recv() { //~ busy_poll_loop
            println!("{byte}");
        }
    }
}

pub fn round_robin(workers: &[Worker], job: u64) {
    for worker in workers.iter().cycle() {
        if let Ok(mut queue) = worker.queue.try_lock() { //~ busy_poll_loop
            queue.push(job);
            return;
        }
    }
}

pub fn repeated(lock: &Mutex<u64>) -> MutexGuard<'_, u64> {
    for () in std::iter::repeat(()) {
        if let Ok(guard) = lock.try_lock() { //~ busy_poll_loop
            return guard;
        }
    }
    unreachable!()
}

// Near misses: a bounded retry; a pause between attempts; each element
// tried once; a batch drain that stops when nothing is left.
pub fn grab(lock: &Mutex<u64>) -> Option<MutexGuard<'_, u64>> {
    for _attempt in 0..10 {
        if let Ok(guard) = lock.try_lock() {
            return Some(guard);
        }
    }
    None
}

pub fn forever_patiently(rx: Receiver<u8>) {
    for _ in 0.. {
        if let Ok(byte) = rx.try_recv() {
            println!("{byte}");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

pub fn first_free(workers: &[Worker]) -> Option<MutexGuard<'_, Vec<u64>>> {
    for worker in workers {
        if let Ok(queue) = worker.queue.try_lock() {
            return Some(queue);
        }
    }
    None
}

pub fn take_batch(rx: &Receiver<u8>) -> Vec<u8> {
    let mut batch = Vec::new();
    for _ in 0..64 {
        match rx.try_recv() {
            Ok(byte) => batch.push(byte),
            Err(_) => break,
        }
    }
    batch
}
