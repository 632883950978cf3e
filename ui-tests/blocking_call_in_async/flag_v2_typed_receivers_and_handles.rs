// A sync channel's receiver or a thread's handle known by its written type
// (a parameter, a field, a typed `let`) blocks on `recv()` / `join()` as
// one made in the fn does. An async channel's receiver, awaited, does not.
use std::sync::{mpsc, Mutex};
use std::thread::JoinHandle;

pub struct Engine {
    worker: Option<JoinHandle<()>>,
    results: Mutex<mpsc::Receiver<u64>>,
    events: crossbeam_channel::Receiver<String>,
    updates: tokio::sync::mpsc::Receiver<u64>,
}

impl Engine {
    pub async fn next_result(&self) -> Option<u64> {
        self.results.lock().unwrap().recv().ok() //~ blocking_call_in_async
    }

    pub async fn next_event(&self) -> Option<String> {
        self.events.recv().ok() //~ blocking_call_in_async
    }

    pub async fn shutdown(&mut self) {
        if let Some(worker) = self.worker.take() {
            let _ = worker.join(); //~ blocking_call_in_async
        }
    }

    /// Near miss: tokio's receiver is awaited.
    pub async fn next_update(&mut self) -> Option<u64> {
        self.updates.recv().await
    }

    /// Near miss: polled without waiting.
    pub async fn try_next_event(&self) -> Option<String> {
        self.events.try_recv().ok()
    }
}

pub async fn drain_one(rx: std::sync::mpsc::Receiver<u64>) -> Option<u64> {
    rx.recv().ok() //~ blocking_call_in_async
}

pub async fn wait_for(handle: std::thread::JoinHandle<u64>) -> u64 {
    handle.join().unwrap() //~ blocking_call_in_async
}

/// Near miss: handed to `spawn_blocking`, the wait runs on the blocking pool.
pub async fn wait_off_the_runtime(handle: JoinHandle<u64>) -> u64 {
    tokio::task::spawn_blocking(move || handle.join().unwrap()).await.unwrap()
}

/// Near miss: a receiver of unknown type.
pub async fn from_elsewhere(source: &Source) -> Option<u64> {
    source.receiver().recv().ok()
}

pub struct Source;
