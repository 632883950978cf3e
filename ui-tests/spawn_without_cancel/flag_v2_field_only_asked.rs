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

    // A map's keys are not its handles.
    pub fn ids(&self) -> Vec<u64> {
        self.by_id.keys().copied().collect()
    }
}

// Near miss: its values are the handles, and they are aborted.
pub struct Subscriptions {
    by_topic: HashMap<String, JoinHandle<()>>,
}

impl Subscriptions {
    pub fn add(&mut self, topic: String) {
        self.by_topic.insert(topic, tokio::spawn(beat()));
    }

    pub fn topics(&self) -> Vec<String> {
        self.by_topic.keys().cloned().collect()
    }

    pub fn stop_all(&self) {
        for handle in self.by_topic.values() {
            handle.abort();
        }
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

// Taken out and only asked about: the handle is dropped with the answer.
pub struct Rooms {
    fanout: HashMap<String, JoinHandle<()>>,
    current: Option<JoinHandle<()>>,
}

impl Rooms {
    pub fn open(&mut self, room: String) {
        self.fanout.insert(room, tokio::spawn(beat())); //~ spawn_without_cancel
        self.current = Some(tokio::spawn(beat())); //~ spawn_without_cancel
    }

    pub fn close(&mut self, room: &str) -> bool {
        let closed = self.fanout.remove(room).is_some();
        closed && self.current.take().is_some()
    }
}

// Near miss: taken out and aborted.
pub struct Lobbies {
    fanout: HashMap<String, JoinHandle<()>>,
}

impl Lobbies {
    pub fn open(&mut self, room: String) {
        self.fanout.insert(room, tokio::spawn(beat()));
    }

    pub fn close(&mut self, room: &str) -> bool {
        self.fanout.remove(room).map(|h| h.abort()).is_some()
    }
}

async fn beat() {
    loop {
        tokio::task::yield_now().await;
    }
}

// Asking through a chain (`as_ref`, `iter`, `filter`) stops nothing either.
pub struct Monitor {
    task: Option<JoinHandle<()>>,
    workers: Vec<JoinHandle<()>>,
}

impl Monitor {
    pub fn start(&mut self) {
        self.task = Some(tokio::spawn(beat())); //~ spawn_without_cancel
        self.workers.push(tokio::spawn(beat())); //~ spawn_without_cancel
    }

    pub fn is_running(&self) -> bool {
        self.task.as_ref().is_some_and(|t| !t.is_finished())
    }

    pub fn running(&self) -> usize {
        self.workers.iter().filter(|t| !t.is_finished()).count()
    }
}

// Near miss: a chain that aborts, and a view bound to a name that aborts.
pub struct Stopper {
    task: Option<JoinHandle<()>>,
    workers: Vec<JoinHandle<()>>,
}

impl Stopper {
    pub fn start(&mut self) {
        self.task = Some(tokio::spawn(beat()));
        self.workers.push(tokio::spawn(beat()));
    }

    pub fn stop(&self) {
        self.task.as_ref().map(|t| t.abort());
        let all = self.workers.iter();
        all.for_each(|t| t.abort());
    }
}

// A `match` or `if let` on a borrow of the field whose bindings are only
// asked about stops nothing either.
pub struct Syncer {
    task: Option<JoinHandle<()>>,
    other: Option<JoinHandle<()>>,
}

impl Syncer {
    pub fn start(&mut self) {
        self.task = Some(tokio::spawn(beat())); //~ spawn_without_cancel
        self.other = Some(tokio::spawn(beat())); //~ spawn_without_cancel
    }

    pub fn is_running(&self) -> bool {
        match &self.task {
            Some(t) => !t.is_finished(),
            None => false,
        }
    }

    pub fn log_id(&self) {
        if let Some(t) = self.other.as_ref() {
            tracing::info!(finished = t.is_finished(), "sync task");
        }
    }
}

// Near miss: the arm aborts what it borrows, or hands it on.
pub struct Halter {
    task: Option<JoinHandle<()>>,
    other: Option<JoinHandle<()>>,
}

impl Halter {
    pub fn start(&mut self) {
        self.task = Some(tokio::spawn(beat()));
        self.other = Some(tokio::spawn(beat()));
    }

    pub fn halt(&self) {
        match &self.task {
            Some(t) if !t.is_finished() => t.abort(),
            _ => {}
        }
        if let Some(t) = &self.other {
            abort_it(t);
        }
    }
}

fn abort_it(t: &JoinHandle<()>) {
    t.abort();
}

// Counting through the lock that guards the field stops nothing either.
pub struct Pingers {
    tasks: tokio::sync::Mutex<Vec<JoinHandle<()>>>,
}

impl Pingers {
    pub async fn add(&self) {
        let ping = tokio::spawn(beat()); //~ spawn_without_cancel
        self.tasks.lock().await.push(ping);
    }

    pub async fn running(&self) -> usize {
        self.tasks.lock().await.iter().filter(|t| !t.is_finished()).count()
    }
}

// Near miss: through the lock, every handle is aborted.
pub struct Stoppable {
    tasks: tokio::sync::Mutex<Vec<JoinHandle<()>>>,
}

impl Stoppable {
    pub async fn add(&self) {
        let ping = tokio::spawn(beat());
        self.tasks.lock().await.push(ping);
    }

    pub async fn stop(&self) {
        self.tasks.lock().await.iter().for_each(|t| t.abort());
    }
}

// Asking for the task's id stops nothing.
pub struct Reaper {
    handle: JoinHandle<()>,
}

impl Reaper {
    pub fn start() -> Self {
        Self {
            handle: tokio::spawn(beat()), //~ spawn_without_cancel
        }
    }

    pub fn task_id(&self) -> tokio::task::Id {
        self.handle.id()
    }
}

// Near miss: the abort handle taken from it can stop the task.
pub struct Stopper {
    handle: JoinHandle<()>,
}

impl Stopper {
    pub fn start() -> Self {
        Self {
            handle: tokio::spawn(beat()),
        }
    }

    pub fn abort_handle(&self) -> tokio::task::AbortHandle {
        self.handle.abort_handle()
    }
}
