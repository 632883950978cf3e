// Handles that reach a struct field through a local: bound first and pushed
// into a collection that is then stored, or collected from an iterator's
// `map`. Nothing reads these fields to stop the tasks, so dropping the owner
// detaches every one of them.
use std::time::Duration;
use tokio::task::JoinHandle;

pub struct Heartbeat {
    tasks: Vec<JoinHandle<()>>,
}

impl Heartbeat {
    pub fn start(peers: Vec<String>) -> Self {
        let mut tasks = Vec::new();
        for peer in peers {
            let h = tokio::spawn(async move { //~ spawn_without_cancel
                loop {
                    tokio::time::sleep(Duration::from_secs(5)).await;
                    ping(&peer).await;
                }
            });
            tasks.push(h);
        }
        Heartbeat { tasks }
    }
}

pub struct ShardPinger {
    pingers: Vec<JoinHandle<()>>,
}

impl ShardPinger {
    pub fn new(shards: Vec<String>) -> Self {
        let pingers = shards
            .into_iter()
            .map(|s| {
                tokio::spawn(async move { //~ spawn_without_cancel
                    loop {
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        ping(&s).await;
                    }
                })
            })
            .collect();
        ShardPinger { pingers }
    }

    pub fn len(&self) -> usize {
        self.pingers.len()
    }
}

pub struct Watchers {
    watchers: Vec<JoinHandle<()>>,
}

impl Watchers {
    pub fn new(paths: &[String]) -> Self {
        Watchers {
            watchers: paths
                .iter()
                .cloned()
                .map(|p| tokio::spawn(watch(p))) //~ spawn_without_cancel
                .collect(),
        }
    }
}

async fn watch(path: String) {
    loop {
        tokio::time::sleep(Duration::from_secs(2)).await;
        ping(&path).await;
    }
}

// Near miss: the collected handles are aborted when the owner goes.
pub struct Pool {
    workers: Vec<JoinHandle<()>>,
}

impl Pool {
    pub fn new(n: usize) -> Self {
        let workers = (0..n).map(|i| tokio::spawn(work(i))).collect();
        Pool { workers }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        for w in &self.workers {
            w.abort();
        }
    }
}

async fn work(_i: usize) {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

// Near miss: the collected handles stay in the fn and are awaited.
pub async fn run_all(peers: Vec<String>) {
    let handles: Vec<_> = peers.into_iter().map(|p| tokio::spawn(watch(p))).collect();
    for h in handles {
        let _ = h.await;
    }
}

async fn ping(_p: &str) {}
