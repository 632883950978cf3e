// A fn reached from `main` only through a task `main` spawns is not
// process-lifetime code: the chain from `main` passes through plain calls
// and awaits only. Its worker is reported.
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
        join().await;
    });
    std::future::pending::<()>().await;
}
