// `Arc::clone(&self.worker)` is the field's value: `run` is found through
// the field's declared type, in another file.
mod worker;
use std::sync::Arc;
use worker::Worker;

pub struct App {
    worker: Arc<Worker>,
}

impl App {
    pub fn start(&self) {
        let app_worker = Arc::clone(&self.worker);
        tokio::spawn(async move { //~ spawn_without_cancel
            app_worker.run().await;
        });
    }

    // Near miss: the field's type's `drain` ends.
    pub fn drain_once(&self) {
        let w = Arc::clone(&self.worker);
        tokio::spawn(async move {
            w.drain().await;
        });
    }
}
