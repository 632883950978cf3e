// Spins that end (on Disconnected, on a stop flag, when a lock frees up):
// they still peg a core until then.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, TryRecvError};
use std::sync::{Arc, Mutex};
use std::thread;

pub struct Job(pub u64);

fn run(_job: Job) {}

// A worker thread on a std channel: the missed bug of v1 (it returns, so it
// was not "endless").
pub fn start_worker(rx: mpsc::Receiver<Job>) -> thread::JoinHandle<()> {
    thread::spawn(move || loop {
        match rx.try_recv() { //~ busy_poll_loop
            Ok(job) => run(job),
            Err(TryRecvError::Empty) => continue,
            Err(TryRecvError::Disconnected) => return,
        }
    })
}

// A crossbeam worker that runs until a stop flag is set.
pub fn crossbeam_worker(rx: crossbeam_channel::Receiver<Job>, stop: Arc<AtomicBool>) {
    while !stop.load(Ordering::Relaxed) {
        match rx.try_recv() { //~ busy_poll_loop
            Ok(job) => run(job),
            Err(crossbeam_channel::TryRecvError::Empty) => {}
            Err(crossbeam_channel::TryRecvError::Disconnected) => break,
        }
    }
}

// A tokio task that spins on try_recv until the senders are gone.
pub async fn forward_events(
    mut rx: tokio::sync::mpsc::Receiver<Job>,
    out: tokio::sync::mpsc::Sender<u64>,
) {
    loop {
        let job = match rx.try_recv() { //~ busy_poll_loop
            Ok(job) => job,
            Err(tokio::sync::mpsc::error::TryRecvError::Empty) => continue,
            Err(tokio::sync::mpsc::error::TryRecvError::Disconnected) => return,
        };
        if out.send(job.0).await.is_err() {
            return;
        }
    }
}

// Waiting for a lock to free up by spinning on it.
pub fn read_when_free(state: Arc<Mutex<u32>>) -> u32 {
    loop {
        if let Ok(v) = state.try_lock() { //~ busy_poll_loop
            return *v;
        }
    }
}

// Waiting for a message by spinning on it.
pub fn wait_for_ready(ready: &mpsc::Receiver<()>) {
    while ready.try_recv().is_err() {} //~ busy_poll_loop
}
