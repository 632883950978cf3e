// The owned and several-permit forms of a poll poll as `try_acquire` and
// `try_lock` do: spinning on them until a permit frees up pegs a core.
use std::sync::Arc;
use tokio::sync::{Mutex, Semaphore, TryAcquireError};

async fn upload(_p: tokio::sync::OwnedSemaphorePermit) {}

pub async fn uploader(slots: Arc<Semaphore>) {
    loop {
        match slots.clone().try_acquire_owned() { //~ busy_poll_loop
            Ok(permit) => {
                tokio::spawn(upload(permit));
            }
            Err(TryAcquireError::NoPermits) => {}
            Err(TryAcquireError::Closed) => return,
        }
    }
}

pub async fn batch(slots: Arc<Semaphore>) {
    loop {
        match slots.try_acquire_many(4) { //~ busy_poll_loop
            Ok(_p) => tokio::task::yield_now().await,
            Err(TryAcquireError::NoPermits) => {}
            Err(TryAcquireError::Closed) => return,
        }
    }
}

pub async fn owner(state: Arc<Mutex<u64>>) {
    loop {
        if let Ok(mut g) = state.clone().try_lock_owned() { //~ busy_poll_loop
            *g += 1;
        }
    }
}

// Near misses: the waiting forms, and a poll that sleeps when it finds
// nothing.
pub async fn uploader_waiting(slots: Arc<Semaphore>) {
    loop {
        let Ok(permit) = slots.clone().acquire_owned().await else { return };
        tokio::spawn(upload(permit));
    }
}

pub async fn owner_backing_off(state: Arc<Mutex<u64>>) {
    loop {
        match state.clone().try_lock_owned() {
            Ok(mut g) => *g += 1,
            Err(_) => tokio::time::sleep(std::time::Duration::from_millis(5)).await,
        }
    }
}
