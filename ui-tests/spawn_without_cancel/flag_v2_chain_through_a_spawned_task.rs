// A fn reached from `main` through a task `main` spawns and detaches runs
// once, for the life of the process, as the task does: its worker is
// process-lifetime, left alone. Through a task whose handle `main` keeps to
// stop it on shutdown, it is not: the worker would outlive that task, and it
// is reported. So is one reached through a `JoinSet`, which keeps its tasks.
use std::time::Duration;

async fn gossip_round() {}

async fn join() {
    tokio::spawn(async { //~ spawn_without_cancel
        loop {
            gossip_round().await;
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}

async fn serve_clients() {
    tokio::spawn(async { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(Duration::from_secs(30)).await;
        }
    });
}

// Reached through a detached task: process-lifetime, not reported.
async fn collect_stats() {
    tokio::spawn(async {
        loop {
            tokio::time::sleep(Duration::from_secs(15)).await;
        }
    });
}

// Reached by a plain await from `main`: process-lifetime, not reported.
async fn metrics() {
    tokio::spawn(async {
        loop {
            tokio::time::sleep(Duration::from_secs(10)).await;
        }
    });
}

#[tokio::main]
async fn main() {
    metrics().await;
    tokio::spawn(async {
        collect_stats().await;
    });
    let membership = tokio::spawn(async {
        join().await;
    });
    let mut clients = tokio::task::JoinSet::new();
    clients.spawn(serve_clients());
    tokio::signal::ctrl_c().await.unwrap();
    membership.abort();
    while clients.join_next().await.is_some() {}
}
