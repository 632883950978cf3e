// v2: a JoinHandle stored in a struct field that nothing ever reads to
// abort or await it. When the owner is dropped, the handle is dropped with
// it and the task runs on: a client dropped while its heartbeat task keeps
// the connection up.
use std::time::Duration;
use tokio::task::JoinHandle;

pub struct Client {
    heartbeat: Option<JoinHandle<()>>,
}

impl Client {
    pub fn connect(&mut self) {
        self.heartbeat = Some(tokio::spawn(async move { //~ spawn_without_cancel
            loop {
                tokio::time::sleep(Duration::from_secs(30)).await;
                ping();
            }
        }));
    }
}

pub struct Pool {
    reaper: JoinHandle<()>,
    workers: Vec<JoinHandle<()>>,
}

impl Pool {
    /// In a struct literal, through a `let`, and pushed into a Vec field.
    pub fn new() -> Pool {
        let reaper = tokio::spawn(reap()); //~ spawn_without_cancel
        let mut pool = Pool {
            reaper,
            workers: Vec::new(),
        };
        pool.workers.push(tokio::spawn(reap())); //~ spawn_without_cancel
        pool
    }
}

async fn reap() {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        ping();
    }
}

fn ping() {}
