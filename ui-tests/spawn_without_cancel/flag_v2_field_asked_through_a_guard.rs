// v2: a handle kept behind a lock whose only reader asks whether the task
// still runs, through a guard (`try_lock()`, a guard bound by `let`, a
// read lock), never stops it: dropping the owner detaches the task.
use std::sync::{Mutex, RwLock};
use tokio::task::JoinHandle;

pub struct Refresher {
    task: Mutex<Option<JoinHandle<()>>>,
}

impl Refresher {
    pub fn start(&self) {
        *self.task.lock().unwrap() = Some(tokio::spawn(refresh())); //~ spawn_without_cancel
    }

    pub fn is_refreshing(&self) -> bool {
        match self.task.try_lock() {
            Ok(guard) => guard.as_ref().is_some_and(|h| !h.is_finished()),
            Err(_) => true,
        }
    }
}

pub struct Poller {
    task: tokio::sync::Mutex<Option<JoinHandle<()>>>,
}

impl Poller {
    pub async fn start(&self) {
        *self.task.lock().await = Some(tokio::spawn(refresh())); //~ spawn_without_cancel
    }

    pub async fn is_polling(&self) -> bool {
        let guard = self.task.lock().await;
        guard.as_ref().is_some_and(|h| !h.is_finished())
    }
}

pub struct Watcher {
    task: RwLock<Option<JoinHandle<()>>>,
}

impl Watcher {
    pub fn start(&self) {
        *self.task.write().unwrap() = Some(tokio::spawn(refresh())); //~ spawn_without_cancel
    }

    pub fn is_watching(&self) -> bool {
        self.task.read().unwrap().as_ref().is_some_and(|h| !h.is_finished())
    }
}

// Near misses: the same guards, then the handle is taken and aborted.
pub struct Stoppable {
    task: Mutex<Option<JoinHandle<()>>>,
}

impl Stoppable {
    pub fn start(&self) {
        *self.task.lock().unwrap() = Some(tokio::spawn(refresh()));
    }

    pub fn stop(&self) {
        if let Ok(mut guard) = self.task.try_lock() {
            if let Some(handle) = guard.take() {
                handle.abort();
            }
        }
    }
}

pub struct StoppableAsync {
    task: tokio::sync::Mutex<Option<JoinHandle<()>>>,
}

impl StoppableAsync {
    pub async fn start(&self) {
        *self.task.lock().await = Some(tokio::spawn(refresh()));
    }

    pub async fn is_running(&self) -> bool {
        let guard = self.task.lock().await;
        guard.as_ref().is_some_and(|h| !h.is_finished())
    }

    pub async fn stop(&self) {
        let guard = self.task.lock().await;
        if let Some(handle) = guard.as_ref() {
            handle.abort();
        }
    }
}

pub struct ReadStopped {
    task: RwLock<Option<JoinHandle<()>>>,
}

impl ReadStopped {
    pub fn start(&self) {
        *self.task.write().unwrap() = Some(tokio::spawn(refresh()));
    }

    pub fn stop(&self) {
        if let Some(handle) = self.task.read().unwrap().as_ref() {
            handle.abort();
        }
    }
}

async fn refresh() {
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
    }
}

// A map's keys read through its lock are not its handles.
pub struct Sessions {
    by_id: RwLock<std::collections::HashMap<u64, JoinHandle<()>>>,
}

impl Sessions {
    pub fn open(&self, id: u64) {
        let handle = tokio::spawn(refresh()); //~ spawn_without_cancel
        self.by_id.write().unwrap().insert(id, handle);
    }

    pub fn ids(&self) -> Vec<u64> {
        self.by_id.read().unwrap().keys().copied().collect()
    }
}

// Near miss: its values are aborted through the lock.
pub struct Closable {
    by_id: RwLock<std::collections::HashMap<u64, JoinHandle<()>>>,
}

impl Closable {
    pub fn open(&self, id: u64) {
        let handle = tokio::spawn(refresh());
        self.by_id.write().unwrap().insert(id, handle);
    }

    pub fn ids(&self) -> Vec<u64> {
        self.by_id.read().unwrap().keys().copied().collect()
    }

    pub fn close_all(&self) {
        for handle in self.by_id.read().unwrap().values() {
            handle.abort();
        }
    }
}
