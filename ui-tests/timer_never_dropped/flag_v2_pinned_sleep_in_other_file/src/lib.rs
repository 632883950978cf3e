// Detached tasks (here) run the debouncers of debounce.rs: the one whose
// loop polls a sleep pinned before it keeps that timer as long as the task.
mod debounce;

use tokio::sync::mpsc;

pub fn start_debouncer() -> mpsc::Sender<String> {
    let (tx, rx) = mpsc::channel(64);
    tokio::spawn(debounce::run(rx)); //~ spawn_without_cancel
    tx
}

pub fn start_flusher() -> mpsc::Sender<String> {
    let (tx, rx) = mpsc::channel(64);
    tokio::spawn(debounce::flush_each(rx)); //~ spawn_without_cancel
    tx
}
