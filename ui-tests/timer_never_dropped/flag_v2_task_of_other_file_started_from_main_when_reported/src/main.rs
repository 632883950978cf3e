// With `process_lifetime = "report"`, a task that `main` spawns is judged
// like any other: the interval its callee (in another file) makes before
// an endless loop is pinned by it, and reported there; so is one of a task
// that `main` starts through a spawn wrapper.
mod flusher;
mod reporter;
mod tasks;

#[tokio::main]
async fn main() {
    let reporter = reporter::Reporter::new("http://collector:4318");
    tokio::spawn(async move { //~ spawn_without_cancel
        reporter.run().await;
    });
    tasks::spawn_named("flusher", async { //~ spawn_without_cancel
        flusher::flush_forever().await;
    });
    tokio::signal::ctrl_c().await.unwrap();
}
