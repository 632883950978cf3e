// try_lock / try_read / try_write spinning.
use std::sync::{Arc, Mutex, RwLock};

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
