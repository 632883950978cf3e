// v2 near-misses: handles stored in fields that something reads to stop
// the task (a method that aborts, a `Drop` that aborts, a `take()` handed
// on), and fields whose task ends by itself.
use std::time::Duration;
use tokio::task::JoinHandle;

pub struct Client {
    heartbeat: Option<JoinHandle<()>>,
}

impl Client {
    pub fn connect(&mut self) {
        self.heartbeat = Some(tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(30)).await;
                ping();
            }
        }));
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if let Some(h) = self.heartbeat.take() {
            h.abort();
        }
    }
}

pub struct Pool {
    reaper: JoinHandle<()>,
    workers: Vec<JoinHandle<()>>,
    done: JoinHandle<()>,
}

impl Pool {
    pub fn new() -> Pool {
        let reaper = tokio::spawn(reap());
        let mut pool = Pool {
            reaper,
            workers: Vec::new(),
            // Ends by itself: nothing to stop.
            done: tokio::spawn(async move { ping() }),
        };
        pool.workers.push(tokio::spawn(reap()));
        pool
    }

    pub async fn shutdown(self) {
        self.reaper.abort();
        for w in self.workers {
            w.abort();
        }
        let _ = self.done.await;
    }
}

async fn reap() {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        ping();
    }
}

fn ping() {}
