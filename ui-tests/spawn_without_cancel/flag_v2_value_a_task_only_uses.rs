// A value bound from a call and then only used by a task
// (`spawn_reopener(rx.clone())`, `tokio::spawn(async move { drop(sched) })`)
// is made where it is bound, on the caller's thread: the fns that make it
// are reached only from `main`, and their workers live for the process.
// A future bound and then spawned (`let fut = supervise(); tokio::spawn(fut)`)
// runs in that task instead.
use std::time::Duration;

use tokio::sync::watch;

fn watch_config() -> watch::Receiver<u32> {
    let (tx, rx) = watch::channel(0u32);
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
            let _ = tx.send(1);
        }
    });
    rx
}

struct Scheduler;

impl Scheduler {
    fn start() -> Scheduler {
        tokio::spawn(async {
            loop {
                tokio::time::sleep(Duration::from_secs(60)).await;
            }
        });
        Scheduler
    }
}

fn spawn_reopener(rx: watch::Receiver<u32>) {
    tokio::spawn(async move {
        let _ = rx.has_changed();
    });
}

async fn supervise() {
    tokio::spawn(async { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(Duration::from_secs(5)).await;
        }
    });
}

async fn run() {
    let rx = watch_config();
    spawn_reopener(rx.clone());
    let sched = Scheduler::start();
    tokio::spawn(async move {
        drop(sched);
    });
    // Run by a task whose handle is kept: not for the life of the process.
    let fut = supervise();
    let handle = tokio::spawn(fut);
    handle.abort();
}

#[tokio::main]
async fn main() {
    run().await;
}
