// v2: handles stored through a local that holds the field's lock guard (or
// a reference to the field) are stored in that field, as they are through
// `self.tasks.lock().await.insert(…)`: a subscription map whose handles
// are only inserted, counted or looked up never stops its tasks. Near
// misses: the same guard local used to take a handle out and abort it,
// and a map whose handles are aborted through a guard elsewhere.
use std::collections::HashMap;
use std::time::Duration;
use tokio::sync::Mutex;
use tokio::task::JoinHandle;

async fn pump(topic: String) {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        println!("{topic}");
    }
}

pub struct Subscriptions {
    tasks: Mutex<HashMap<String, JoinHandle<()>>>,
    pollers: Vec<JoinHandle<()>>,
}

impl Subscriptions {
    pub async fn subscribe(&self, topic: &str) {
        let mut tasks = self.tasks.lock().await;
        if tasks.contains_key(topic) {
            return;
        }
        let handle = tokio::spawn(pump(topic.to_string())); //~ spawn_without_cancel
        tasks.insert(topic.to_string(), handle);
    }

    pub async fn subscribe_inline(&self, topic: &str) {
        let mut tasks = self.tasks.lock().await;
        tasks.insert(topic.to_string(), tokio::spawn(pump(topic.to_string()))); //~ spawn_without_cancel
    }

    pub fn add_poller(&mut self) {
        let pollers = &mut self.pollers;
        pollers.push(tokio::spawn(pump("poll".to_string()))); //~ spawn_without_cancel
    }

    pub async fn active(&self) -> usize {
        let tasks = self.tasks.lock().await;
        tasks.len()
    }
}

// Near misses: the handles of these fields are aborted through a guard.
pub struct Watches {
    tasks: Mutex<HashMap<String, JoinHandle<()>>>,
}

impl Watches {
    pub async fn watch(&self, topic: &str) {
        let mut tasks = self.tasks.lock().await;
        tasks.insert(topic.to_string(), tokio::spawn(pump(topic.to_string())));
    }

    pub async fn unwatch(&self, topic: &str) {
        let mut tasks = self.tasks.lock().await;
        if let Some(handle) = tasks.remove(topic) {
            handle.abort();
        }
    }
}

pub struct Feeds {
    running: Mutex<Vec<JoinHandle<()>>>,
}

impl Feeds {
    pub async fn start(&self) {
        let handle = tokio::spawn(pump("feed".to_string()));
        let mut running = self.running.lock().await;
        running.push(handle);
    }

    pub async fn stop_all(&self) {
        let running = self.running.lock().await;
        for handle in running.iter() {
            handle.abort();
        }
    }
}
