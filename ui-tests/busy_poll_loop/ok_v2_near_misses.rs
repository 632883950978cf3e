// Loops with a poll that do not spin on an idle source.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub struct Job(pub u64);

fn run(_job: Job) {}

pub struct Worker {
    pub busy: Mutex<bool>,
}

// A worker thread that drains what is queued, then blocks.
pub fn drain_then_block(rx: mpsc::Receiver<Job>) {
    std::thread::spawn(move || loop {
        while let Ok(job) = rx.try_recv() {
            run(job);
        }
        match rx.recv() {
            Ok(job) => run(job),
            Err(_) => return,
        }
    });
}

// Drains stop on the nothing-found path.
pub fn flush(rx: &crossbeam_channel::Receiver<Job>) {
    while let Ok(job) = rx.try_recv() {
        run(job);
    }
}

pub fn flush_until_empty(rx: &mpsc::Receiver<Job>) {
    loop {
        match rx.try_recv() {
            Ok(job) => run(job),
            Err(TryRecvError::Empty) => break,
            Err(TryRecvError::Disconnected) => return,
        }
    }
}

// A batch filled from what is queued, up to a size.
pub fn fill_batch(rx: &mpsc::Receiver<Job>, batch: &mut Vec<Job>, max: usize) {
    while batch.len() < max {
        match rx.try_recv() {
            Ok(job) => batch.push(job),
            Err(_) => break,
        }
    }
}

// Each worker is tried once: not a busy loop.
pub fn idle_workers(workers: &[Arc<Worker>]) -> usize {
    let mut idle = 0;
    for worker in workers {
        if let Ok(busy) = worker.busy.try_lock() {
            if !*busy {
                idle += 1;
            }
        }
    }
    idle
}

// The same written with an index.
pub fn first_free(workers: &[Arc<Worker>]) -> Option<usize> {
    let mut i = 0;
    while i < workers.len() {
        if workers[i].busy.try_lock().is_ok() {
            return Some(i);
        }
        i += 1;
    }
    None
}

// A stop check between units of work: the work is what the loop does.
pub fn compact(segments: Vec<Vec<u8>>, stop: mpsc::Receiver<()>) -> usize {
    let mut it = segments.into_iter();
    let mut written = 0;
    loop {
        if stop.try_recv().is_ok() {
            break;
        }
        let Some(segment) = it.next() else { break };
        written += write_segment(&segment);
    }
    written
}

fn write_segment(s: &[u8]) -> usize {
    s.len()
}

// A spin lock in a thread, with a spin hint.
pub fn spin_lock(flag: &Mutex<()>, counter: &AtomicBool) {
    loop {
        if let Ok(_g) = flag.try_lock() {
            counter.store(true, Ordering::Release);
            return;
        }
        std::hint::spin_loop();
    }
}

// Async locks taken on the success path only; the empty path waits.
pub async fn record(
    mut rx: tokio::sync::mpsc::Receiver<Job>,
    stats: Arc<tokio::sync::Mutex<u64>>,
    wake: Arc<tokio::sync::Notify>,
) {
    loop {
        match rx.try_recv() {
            Ok(job) => *stats.lock().await += job.0,
            Err(tokio::sync::mpsc::error::TryRecvError::Empty) => wake.notified().await,
            Err(tokio::sync::mpsc::error::TryRecvError::Disconnected) => return,
        }
    }
}

// A bounded retry.
pub fn try_send_a_few(tx: &mpsc::SyncSender<Job>, job: Job) -> bool {
    let mut job = Some(job);
    for _ in 0..3 {
        match tx.try_send(job.take().unwrap()) {
            Ok(()) => return true,
            Err(mpsc::TrySendError::Full(j)) => job = Some(j),
            Err(mpsc::TrySendError::Disconnected(_)) => return false,
        }
    }
    false
}

// A select! with a default branch that sleeps.
pub async fn tick_or_sleep(mut events: futures::channel::mpsc::Receiver<Job>) {
    use futures::StreamExt;
    loop {
        futures::select! {
            job = events.next() => match job {
                Some(job) => run(job),
                None => return,
            },
            default => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
}

// crossbeam's Backoff in a thread: spins, then yields the thread.
pub fn take_when_filled(slot: &Mutex<Option<Job>>) -> Job {
    let backoff = crossbeam_utils::Backoff::new();
    loop {
        if let Ok(mut filled) = slot.try_lock() {
            if let Some(job) = filled.take() {
                return job;
            }
        }
        backoff.snooze();
    }
}
