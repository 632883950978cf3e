// v2: a handle stored in a field of a local that a constructor builds as a
// struct literal (`let mut this = Self { … }; this.reaper = Some(…)`) or
// declares with its type is stored in that struct's field: another struct
// of the file whose field of the same name is aborted in its `Drop` does
// not stop it. Near miss: the same shape in the struct that aborts it.
use std::time::Duration;
use tokio::task::JoinHandle;

async fn reap_forever() {
    loop {
        tokio::time::sleep(Duration::from_secs(30)).await;
    }
}

pub struct LeakyPool {
    size: usize,
    reaper: Option<JoinHandle<()>>,
}

impl LeakyPool {
    pub fn new(size: usize) -> Self {
        let mut this = Self { size, reaper: None };
        this.reaper = Some(tokio::spawn(reap_forever())); //~ spawn_without_cancel
        this
    }

    pub fn with_reaper(size: usize) -> LeakyPool {
        let mut pool: LeakyPool = LeakyPool::new(size);
        let handle = tokio::spawn(reap_forever()); //~ spawn_without_cancel
        pool.reaper = Some(handle);
        pool
    }

    pub fn reaping(&self) -> bool {
        self.reaper.as_ref().is_some_and(|h| !h.is_finished())
    }
}

pub struct ManagedPool {
    reaper: Option<JoinHandle<()>>,
}

impl ManagedPool {
    pub fn new() -> Self {
        let mut this = ManagedPool { reaper: None };
        this.reaper = Some(tokio::spawn(reap_forever()));
        this
    }
}

impl Drop for ManagedPool {
    fn drop(&mut self) {
        if let Some(reaper) = self.reaper.take() {
            reaper.abort();
        }
    }
}
