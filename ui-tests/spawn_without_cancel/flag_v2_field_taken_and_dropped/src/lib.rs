// v2: taking a handle out of its field and dropping it at once
// (`self.task.take();`, `self.tasks.remove(&id);`, `clear()`) detaches the
// task: it stops nothing. The methods doing so live in another file.
mod feed;
mod restart;

use std::collections::HashMap;
use tokio::task::JoinHandle;

pub struct Poller {
    task: Option<JoinHandle<()>>,
}

impl Poller {
    pub fn start(&mut self) {
        self.task = Some(tokio::spawn(async { feed::poll().await })); //~ spawn_without_cancel
    }
}

pub struct Watchers {
    by_id: HashMap<u64, JoinHandle<()>>,
    all: Vec<JoinHandle<()>>,
}

impl Watchers {
    pub fn watch(&mut self, id: u64) {
        self.by_id.insert(id, tokio::spawn(feed::poll())); //~ spawn_without_cancel
        self.all.push(tokio::spawn(feed::poll())); //~ spawn_without_cancel
    }
}

// Near miss: the handle taken out is aborted.
pub struct Pinger {
    task: Option<JoinHandle<()>>,
}

impl Pinger {
    pub fn start(&mut self) {
        self.task = Some(tokio::spawn(feed::poll()));
    }
}
