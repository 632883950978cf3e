// try_lock / try_read / try_write / try_send spinning.
use std::sync::{Arc, Mutex, RwLock};
use tokio::sync::mpsc;

pub fn spin_on_lock(state: Arc<Mutex<Vec<u8>>>) {
    loop {
        if let Ok(mut guard) = state.try_lock() { //~ busy_poll_loop
            guard.push(1);
        }
    }
}

pub fn spin_on_rwlock(config: Arc<RwLock<String>>) {
    loop {
        let Ok(current) = config.try_read() else { //~ busy_poll_loop
            continue;
        };
        if current.is_empty() {
            if let Ok(mut w) = config.try_write() {
                w.push_str("default");
            }
        }
    }
}

pub async fn spin_on_send(tx: mpsc::Sender<u64>) {
    let mut n = 0;
    loop {
        if tx.try_send(n).is_ok() { //~ busy_poll_loop
            n += 1;
        }
    }
}
