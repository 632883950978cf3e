// v2: spawn wrappers in the shapes real code writes them. The wrapper may
// wrap its parameter in something that does not change what runs
// (`.instrument(…)`, `Box::pin(…)`, `async move { fut.await }`), and its
// caller may compute the other arguments with calls.
use std::future::Future;
use tracing::Instrument;

fn spawn_named<F: Future<Output = ()> + Send + 'static>(name: String, fut: F) {
    let _ = name;
    tokio::spawn(fut);
}

fn spawn_traced<F: Future<Output = ()> + Send + 'static>(fut: F) {
    tokio::spawn(fut.instrument(tracing::info_span!("task")));
}

fn spawn_pinned<F: Future<Output = ()> + Send + 'static>(fut: F) {
    tokio::spawn(Box::pin(fut));
}

fn spawn_awaiting<F: Future<Output = ()> + Send + 'static>(fut: F) {
    tokio::spawn(async move { fut.await });
}

// A wrapper that hands its parameter to another wrapper.
fn spawn_outer<F: Future<Output = ()> + Send + 'static>(name: &str, fut: F) {
    let _ = name;
    spawn_pinned(fut);
}

// A wrapper that hands its name and its future on to another wrapper.
fn spawn_critical<F: Future<Output = ()> + Send + 'static>(name: String, fut: F) {
    spawn_named(name, fut);
}

// Not a wrapper: it hands its parameter to a fn that keeps the handle.
fn spawn_kept_outer<F: Future<Output = ()> + Send + 'static>(fut: F) -> tokio::task::JoinHandle<()> {
    spawn_kept(fut)
}

fn spawn_kept<F: Future<Output = ()> + Send + 'static>(fut: F) -> tokio::task::JoinHandle<()> {
    tokio::spawn(fut)
}

// Not a wrapper: it awaits its parameter after other work.
fn spawn_after_setup<F: Future<Output = ()> + Send + 'static>(fut: F) {
    tokio::spawn(async move {
        setup().await;
        fut.await
    });
}

pub fn start(id: u32) {
    spawn_named(id.to_string(), async { //~ spawn_without_cancel
        loop {
            tick().await;
        }
    });
    spawn_named("pump".into(), pump()); //~ spawn_without_cancel
    spawn_traced(async { pump().await }); //~ spawn_without_cancel
    spawn_pinned(pump()); //~ spawn_without_cancel
    spawn_awaiting(pump()); //~ spawn_without_cancel
    spawn_outer("outer", async { pump().await }); //~ spawn_without_cancel
    spawn_critical("replica".into(), pump()); //~ spawn_without_cancel
    // Near misses: a task that ends; a wrapper that does more than await its parameter.
    spawn_named(id.to_string(), tick());
    spawn_after_setup(pump());
    let _kept = spawn_kept_outer(pump());
}

async fn pump() {
    loop {
        tick().await;
    }
}
async fn tick() {}
async fn setup() {}
