// v2: a field read through a local copy of `self` (`let this =
// self.clone();`, `Arc::clone(self)`, `let this = self;`) is the field the
// impl's struct declares: the task that calls its endless method is
// reported. Near miss: the same shapes calling a method that returns.
use std::sync::Arc;
use std::time::Duration;

pub struct Inner;

impl Inner {
    pub async fn gc_loop(&self) {
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }

    pub async fn gc_once(&self) {
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

impl Store {
    pub fn start_gc(&self) {
        let this = self.clone();
        tokio::spawn(async move { this.inner.gc_loop().await }); //~ spawn_without_cancel
    }

    pub fn start_gc_shared(self: &Arc<Self>) {
        let this = Arc::clone(self);
        tokio::spawn(async move { this.inner.gc_loop().await }); //~ spawn_without_cancel
    }

    pub fn start_gc_owned(self: Arc<Self>) {
        let this = self;
        tokio::spawn(async move { this.inner.clone().gc_loop().await }); //~ spawn_without_cancel
    }

    pub fn collect_once(&self) {
        let this = self.clone();
        tokio::spawn(async move { this.inner.gc_once().await });
    }
}
