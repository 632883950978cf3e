use std::sync::Arc;

use crate::worker::Worker;

pub struct Service {
    pub worker: Arc<Worker>,
    pub boxed: Box<Worker>,
}

impl Service {
    pub fn new() -> Service {
        Service {
            worker: Arc::new(Worker),
            boxed: Box::new(Worker),
        }
    }
}
