// Near misses: a field whose type is not one known type of the crate, or
// whose method's loop ends.
mod a;
mod b;
mod worker;

use std::sync::Arc;

pub struct Service {
    runner: Box<dyn Runner>,
    quiet: Arc<worker::Quiet>,
    items: Vec<worker::Worker>,
}

pub trait Runner {
    fn run(&self) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>>;
}

impl Service {
    pub fn start(self: Arc<Self>) {
        // A trait object: any type's `run`.
        tokio::spawn(async move { self.runner.run().await });
    }

    pub fn start_quiet(self: Arc<Self>) {
        // Its loop breaks.
        tokio::spawn(async move { self.quiet.run().await });
    }

    pub fn start_first(self: Arc<Self>) {
        // A `Vec`'s element type is not the field's type.
        tokio::spawn(async move { self.items.first().unwrap().run().await });
    }
}

pub async fn ambiguous(holder: Arc<a::Holder>) {
    // Two structs named `Holder` declare `worker` with different types.
    tokio::spawn(async move { holder.worker.run().await });
}
