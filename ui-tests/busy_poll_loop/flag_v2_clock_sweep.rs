// A clock sweep tries another slot on every turn: the hand is an atomic
// counter, or a name the loop points at the next slot. Such a loop is a
// search over the slots, like a `for` over them, not a spin on one lock.
// Retrying the same lock with a counter beside it still spins.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, RwLock, RwLockWriteGuard};

pub struct Slot {
    pub inner: RwLock<Vec<u8>>,
}

pub struct Cache {
    slots: Vec<Slot>,
    hand: AtomicUsize,
    lock: Mutex<u64>,
}

impl Cache {
    pub fn find_victim(&self) -> RwLockWriteGuard<'_, Vec<u8>> {
        loop {
            let idx = self.hand.fetch_add(1, Ordering::Relaxed) % self.slots.len();
            let slot = &self.slots[idx];
            if let Ok(guard) = slot.inner.try_write() {
                return guard;
            }
        }
    }

    pub fn find_victim_by_index(&self) -> RwLockWriteGuard<'_, Vec<u8>> {
        let mut next = 0;
        let mut slot;
        loop {
            next = (next + 1) % self.slots.len();
            slot = &self.slots[next];
            if let Ok(guard) = slot.inner.try_write() {
                return guard;
            }
        }
    }

    pub fn counted_spin(&self) -> MutexGuard<'_, u64> {
        let mut attempts = 0u64;
        loop {
            attempts += 1;
            let lock = &self.lock;
            if let Ok(guard) = lock.try_lock() { //~ busy_poll_loop
                return guard;
            }
            if attempts % 1_000_000 == 0 {
                eprintln!("still waiting");
            }
        }
    }
}
