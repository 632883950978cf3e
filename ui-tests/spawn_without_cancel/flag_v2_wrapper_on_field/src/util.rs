use std::future::Future;

pub struct Tasks;

pub struct Keeper {
    handles: Vec<tokio::task::JoinHandle<()>>,
}

impl Tasks {
    pub fn spawn<F: Future<Output = ()> + Send + 'static>(&self, _name: &str, fut: F) {
        tokio::spawn(fut);
    }
}

impl Keeper {
    pub fn spawn<F: Future<Output = ()> + Send + 'static>(&mut self, fut: F) {
        self.handles.push(tokio::spawn(fut));
    }

    pub fn stop(&mut self) {
        for handle in self.handles.drain(..) {
            handle.abort();
        }
    }
}
