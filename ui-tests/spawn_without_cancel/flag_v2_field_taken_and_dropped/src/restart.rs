use crate::{Pinger, Poller, Watchers};

impl Poller {
    pub fn restart(&mut self) {
        self.task.take();
        self.start();
    }
}

impl Watchers {
    pub fn unwatch(&mut self, id: u64) {
        let _ = self.by_id.remove(&id);
    }

    pub fn reset(&mut self) {
        self.all.clear();
    }
}

impl Pinger {
    pub fn stop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}
