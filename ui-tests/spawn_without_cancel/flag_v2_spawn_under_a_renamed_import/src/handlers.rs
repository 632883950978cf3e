use std::time::Duration;

use crate::tasks::detach as background;
use tokio::spawn as go;

async fn pump() {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

async fn tail() {
    loop {
        tokio::time::sleep(Duration::from_secs(5)).await;
    }
}

/// Starts `pump` in a detached task and returns at once.
pub async fn watch() {
    go(pump()); //~ spawn_without_cancel
}

/// Starts `tail` through the wrapper and returns at once.
pub async fn follow() {
    background(tail()); //~ spawn_without_cancel
}

// Near misses: each task runs a fn that returns at once.

pub fn serve_one() {
    tokio::spawn(async move { watch().await });
}

pub fn serve_two() {
    tokio::spawn(async move { follow().await });
}

pub fn serve_three() {
    tokio::spawn(watch());
}
