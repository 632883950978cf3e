// A method called on a field: its type is the one the struct declares
// (through `Arc`, `Box`, `&`), here in another file.
mod types;
mod worker;

use std::sync::Arc;
use types::Service;

impl Service {
    pub fn start(self: Arc<Self>) {
        tokio::spawn(async move { self.worker.run().await }); //~ spawn_without_cancel
    }

    pub fn start_cloned(&self) {
        let worker = self.worker.clone();
        tokio::spawn(async move { worker.run().await }); //~ spawn_without_cancel
    }

    pub fn start_boxed(self: Arc<Self>) {
        tokio::spawn(async move { self.boxed.run().await }); //~ spawn_without_cancel
    }
}

pub async fn serve() {
    let service = Service::new();
    tokio::spawn(async move { service.worker.run().await }); //~ spawn_without_cancel
}
