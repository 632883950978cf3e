// A variable bound to what a crate fn returns has the type the fn declares
// (through `Option`/`Result` peeled by `?`, `.unwrap()`, `.expect(…)`,
// `.await`, and `&`, `Arc`, `Box`), in any file.
mod worker;

use std::sync::Arc;

use worker::{Pool, Worker};

pub fn from_free_fn() {
    // Flagged: `worker::make` declares `-> Worker`.
    let w = worker::make();
    tokio::spawn(async move { w.run().await }); //~ spawn_without_cancel
}

pub async fn from_async_result() -> Result<(), ()> {
    // Flagged: `fetch` declares `-> Result<Arc<Worker>, ()>`.
    let w = worker::fetch().await?;
    tokio::spawn(async move { w.run().await }); //~ spawn_without_cancel
    Ok(())
}

pub fn from_method(pool: &Pool) {
    // Flagged: `Pool::get` declares `-> Option<&Worker>`.
    let w = pool.get().expect("a worker").clone();
    tokio::spawn(async move { w.run().await }); //~ spawn_without_cancel
}

pub fn from_self_ctor() {
    // Flagged: `Worker::open` declares `-> Self`.
    let w = Worker::open().unwrap();
    tokio::spawn(async move { w.run().await }); //~ spawn_without_cancel
}

pub fn from_builder() {
    // Not flagged: `Worker::builder` returns a `Builder`, whose `run` ends.
    let b = Worker::builder();
    tokio::spawn(async move { b.run().await });
}

pub fn from_generic(make: impl Fn() -> Arc<Worker>) {
    // Not flagged: a closure's result is of no declared type of the crate.
    let w = make();
    tokio::spawn(async move { w.run().await });
}

pub fn through_clones() {
    // Flagged: a clone of a local bound to `worker::make()`.
    let w = worker::make();
    let w2 = w.clone();
    tokio::spawn(async move { w2.run().await }); //~ spawn_without_cancel
}

pub fn through_shared_pointers() {
    // Flagged: `Arc::new` of `worker::make()`, then `Arc::clone`.
    let shared = Arc::new(worker::make());
    let w = Arc::clone(&shared);
    tokio::spawn(async move { w.run().await }); //~ spawn_without_cancel
}

pub fn through_clone_of_builder() {
    // Not flagged: a clone of the builder, whose `run` ends.
    let b = Worker::builder();
    let b2 = b.clone();
    tokio::spawn(async move { b2.run().await });
}

pub async fn through_error_adapters(pool: &Pool) -> anyhow::Result<()> {
    // Flagged: `.map_err(f)?`, `.context(…)?` and `.ok_or(e)?` keep the
    // value the fn declares.
    let w = worker::fetch().await.map_err(|()| anyhow::anyhow!("none"))?;
    tokio::spawn(async move { w.run().await }); //~ spawn_without_cancel
    let w = worker::fetch().await.context("no worker")?;
    tokio::spawn(async move { w.run().await }); //~ spawn_without_cancel
    let w = pool.get().ok_or(anyhow::anyhow!("no worker"))?.clone();
    tokio::spawn(async move { w.run().await }); //~ spawn_without_cancel
    // Not flagged: `.map(f)` makes another value (a `Builder`, whose `run`
    // ends).
    let b = worker::fetch().await.map(|w| w.builder())?;
    tokio::spawn(async move { b.run().await });
    Ok(())
}
