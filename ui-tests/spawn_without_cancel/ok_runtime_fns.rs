// Spawns that own their tasks, and `.spawn(…)` on values that are not runtimes.
use std::time::Duration;

use tokio::runtime::Runtime;
use tokio::task::JoinSet;

fn pool() -> &'static WorkerPool {
    unimplemented!()
}

fn build_runtime() -> Runtime {
    tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap()
}

pub struct Service {
    rt: Runtime,
}

impl Service {
    pub fn start(cache: Cache) -> Service {
        // The runtime is stored: dropping the service drops it and cancels its tasks.
        let rt = build_runtime();
        rt.spawn(async move {
            loop {
                cache.evict_expired().await;
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
        });
        Service { rt }
    }
}

pub fn start_jobs(jobs: Jobs) {
    // Not a runtime: a pool of this crate whose `spawn` we know nothing about.
    pool().spawn(async move {
        loop {
            jobs.run_next().await;
        }
    });
}

pub async fn fan_out(feeds: Vec<Feed>) {
    // A JoinSet aborts its tasks when dropped.
    let mut set = JoinSet::new();
    for feed in feeds {
        set.spawn(async move {
            loop {
                feed.refresh().await;
            }
        });
    }
    set.join_next().await;
}

pub fn smol_task(feed: Feed) -> smol::Task<()> {
    // A smol Task cancels on drop; without `.detach()` it is not a detached spawn.
    smol::spawn(async move {
        loop {
            feed.refresh().await;
        }
    })
}
