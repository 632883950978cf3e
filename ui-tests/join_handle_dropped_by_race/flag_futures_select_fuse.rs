// `futures::select!` needs fused futures: `handle.fuse()` still moves the
// handle into the race, and the loser is dropped with it.
use futures::{select, FutureExt};
use tokio::task::JoinHandle;

pub async fn run_pair(a: Worker, b: Worker) {
    let left = tokio::spawn(async move { a.run().await });
    let right = tokio::spawn(async move { b.run().await });
    select! {
        r = left.fuse() => report("left", r), //~ join_handle_dropped_by_race
        r = right.fuse() => report("right", r), //~ join_handle_dropped_by_race
    }
}

pub async fn watch_until_done(cfg: Config, mut stop: futures::channel::oneshot::Receiver<()>) {
    let watcher: futures::future::Fuse<JoinHandle<()>> = tokio::spawn(watch(cfg)).fuse();
    futures::select! {
        _ = watcher => {} //~ join_handle_dropped_by_race
        _ = stop => {}
    }
}
