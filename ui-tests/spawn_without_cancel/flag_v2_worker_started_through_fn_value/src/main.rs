mod startup;

use std::time::Duration;

// Near miss: handed to `startup::run_once`, which calls it once, from
// `main`: the worker lives as long as the process.
async fn start_metrics() {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(10)).await;
            push_metrics().await;
        }
    });
}

// Flagged: `startup::run_each` calls it once per listener, so each call
// starts one more endless task.
async fn start_poller() {
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
            poll().await;
        }
    });
}

// Flagged: `startup::run_n` calls it in a counted `for`, so it runs more
// than once per run of `main`'s call: not a chain of single calls.
async fn start_indexer() {
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(Duration::from_secs(5)).await;
            index().await;
        }
    });
}

async fn push_metrics() {}
async fn index() {}
async fn poll() {}

#[tokio::main]
async fn main() {
    startup::run_once(start_metrics).await;
    startup::run_each(start_poller, &["a", "b"]).await;
    startup::run_n(start_indexer, 2).await;
}
