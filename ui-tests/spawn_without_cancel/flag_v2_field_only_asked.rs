// v2: a registry that only asks about its handles (prunes the finished
// ones, looks one up) never stops a task: dropping it detaches them all.
use std::collections::HashMap;
use tokio::task::JoinHandle;

pub struct Registry {
    tasks: Vec<JoinHandle<()>>,
    by_id: HashMap<u64, JoinHandle<()>>,
}

impl Registry {
    pub fn add(&mut self, id: u64) {
        self.tasks.push(tokio::spawn(beat())); //~ spawn_without_cancel
        self.by_id.insert(id, tokio::spawn(beat())); //~ spawn_without_cancel
    }

    pub fn prune(&mut self) {
        self.tasks.retain(|t| !t.is_finished());
    }

    pub fn has(&self, id: u64) -> bool {
        self.by_id.contains_key(&id)
    }
}

// Near miss: pruning aborts the handles it drops.
pub struct Reaper {
    tasks: Vec<JoinHandle<()>>,
}

impl Reaper {
    pub fn add(&mut self) {
        self.tasks.push(tokio::spawn(beat()));
    }

    pub fn prune(&mut self, keep: usize) {
        self.tasks.retain(|t| {
            if t.is_finished() {
                return false;
            }
            if keep == 0 {
                t.abort();
            }
            keep > 0
        });
    }
}

async fn beat() {
    loop {
        tokio::task::yield_now().await;
    }
}
