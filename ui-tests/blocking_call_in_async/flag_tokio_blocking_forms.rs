// tokio's blocking forms of its channels and locks panic when called from
// async code ("Cannot block the current thread from within a runtime"),
// `main`'s own future included.
use std::sync::Arc;

use tokio::sync::{mpsc, oneshot, Mutex, RwLock};

pub struct Registry {
    peers: RwLock<Vec<String>>,
    state: Arc<Mutex<u64>>,
}

impl Registry {
    pub async fn is_allowed(&self, peer: &str) -> bool {
        let peers = self.peers.blocking_read(); //~ blocking_call_in_async
        peers.iter().any(|p| p == peer)
    }

    pub async fn bump(&self) {
        *self.state.blocking_lock() += 1; //~ blocking_call_in_async
        self.peers.blocking_write().clear(); //~ blocking_call_in_async
    }
}

pub async fn forward(mut rx: mpsc::Receiver<u64>, tx: mpsc::Sender<u64>) {
    while let Some(v) = rx.blocking_recv() { //~ blocking_call_in_async
        tx.blocking_send(v + 1).unwrap(); //~ blocking_call_in_async
    }
}

#[tokio::main]
async fn main() {
    let (tx, rx) = oneshot::channel::<u64>();
    tokio::spawn(async move {
        let _ = tx.send(1);
    });
    let _ = rx.blocking_recv(); //~ blocking_call_in_async
}

// Near misses: the async forms, and the blocking forms where they belong,
// on threads outside the runtime.
pub async fn forward_async(mut rx: mpsc::Receiver<u64>, tx: mpsc::Sender<u64>, state: Arc<Mutex<u64>>) {
    while let Some(v) = rx.recv().await {
        tx.send(v).await.unwrap();
        *state.lock().await += 1;
    }
    let state2 = state.clone();
    tokio::task::spawn_blocking(move || {
        *state2.blocking_lock() += 1;
    });
    std::thread::spawn(move || {
        let _guard = state.blocking_lock();
    });
}

pub fn sync_reader(mut rx: mpsc::Receiver<u64>) -> Option<u64> {
    rx.blocking_recv()
}

// Through a sync helper it panics all the same.
pub async fn first_value(rx: mpsc::Receiver<u64>) -> Option<u64> {
    sync_reader(rx) //~ blocking_call_in_async
}
