// This file spawns nothing: the tasks that run its loops are in lib.rs.
use std::path::PathBuf;
use std::time::Duration;

use async_io::Timer;
use futures_lite::StreamExt;

pub async fn poll_mtime(path: PathBuf, every: Duration) {
    let mut ticks = Timer::interval(every); //~ timer_never_dropped
    loop {
        ticks.next().await;
        let _ = smol::fs::metadata(&path).await;
    }
}

pub async fn poll_lockfile(path: PathBuf, every: Duration) {
    let mut ticks = Timer::interval(every);
    loop {
        ticks.next().await;
        let _ = smol::fs::metadata(&path).await;
    }
}
