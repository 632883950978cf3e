// v2: handles collected in a local Vec that is then stored in a field, or
// stored through the lock that guards a field, are stored in that field:
// dropped with their owner unless something in the crate stops them.
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;
use tokio::task::JoinHandle;

pub struct Pool {
    workers: Vec<JoinHandle<()>>,
}

impl Pool {
    pub fn start(n: usize) -> Pool {
        let mut workers = Vec::with_capacity(n);
        for _ in 0..n {
            workers.push(tokio::spawn(work())); //~ spawn_without_cancel
        }
        Pool { workers }
    }
}

pub struct Link {
    tasks: Vec<JoinHandle<()>>,
}

impl Link {
    pub fn open() -> Link {
        let reader = tokio::spawn(work()); //~ spawn_without_cancel
        let writer = tokio::spawn(work()); //~ spawn_without_cancel
        Link {
            tasks: vec![reader, writer],
        }
    }
}

pub struct Registry {
    running: tokio::sync::Mutex<HashMap<u64, JoinHandle<()>>>,
    ticker: Mutex<Option<JoinHandle<()>>>,
}

impl Registry {
    pub async fn add(&self, id: u64) {
        let handle = tokio::spawn(work()); //~ spawn_without_cancel
        self.running.lock().await.insert(id, handle);
        let empty = self.running.lock().await.is_empty();
        let _ = empty;
    }

    pub fn tick(&self) {
        *self.ticker.lock().unwrap() = Some(tokio::spawn(work())); //~ spawn_without_cancel
    }
}

// Near-misses: the field is read to stop the tasks, or the collection is
// used for more than collecting.
pub struct Stopped {
    workers: Vec<JoinHandle<()>>,
    running: Mutex<HashMap<u64, JoinHandle<()>>>,
}

impl Stopped {
    pub fn start(n: usize) -> Stopped {
        let mut workers = Vec::new();
        for _ in 0..n {
            workers.push(tokio::spawn(work()));
        }
        Stopped {
            workers,
            running: Mutex::new(HashMap::new()),
        }
    }

    pub fn add(&self, id: u64) {
        self.running.lock().unwrap().insert(id, tokio::spawn(work()));
    }

    pub fn stop(&mut self, id: u64) {
        self.workers.iter().for_each(|w| w.abort());
        if let Some(h) = self.running.lock().unwrap().remove(&id) {
            h.abort();
        }
    }
}

pub struct Shared {
    workers: Vec<JoinHandle<()>>,
}

impl Shared {
    pub fn start(n: usize) -> Shared {
        let mut workers = Vec::new();
        for _ in 0..n {
            workers.push(tokio::spawn(work()));
        }
        // Handed on as well as stored: whoever gets it may stop them.
        watch(&mut workers);
        Shared { workers }
    }
}

fn watch(_: &mut Vec<JoinHandle<()>>) {}

async fn work() {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        ping();
    }
}

fn ping() {}
