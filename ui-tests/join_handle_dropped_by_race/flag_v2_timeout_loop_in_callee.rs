// `timeout(d, handle)` whose task loops forever in a fn it calls.
use std::time::Duration;

async fn work() {}

async fn forever() {
    loop {
        work().await;
    }
}

async fn once() {
    work().await;
}

pub struct Worker;

impl Worker {
    pub async fn run(&self) {
        loop {
            work().await;
        }
    }
}

pub async fn loop_in_callee() {
    let worker = tokio::spawn(async move { forever().await });
    let _ = tokio::time::timeout(Duration::from_secs(5), worker).await; //~ join_handle_dropped_by_race
}

pub async fn loop_in_method() {
    let w = Worker;
    let worker = tokio::spawn(async move { w.run().await });
    let _ = tokio::time::timeout(Duration::from_secs(5), worker).await; //~ join_handle_dropped_by_race
}

pub async fn near_miss_callee_ends() {
    let worker = tokio::spawn(async move { once().await });
    let _ = tokio::time::timeout(Duration::from_secs(5), worker).await;
}
