// A task spawned on a runtime that a fn of another file returns is a task
// like one of `tokio::spawn` when that runtime outlives the caller
// (`-> &'static Runtime`): racing its handle by value leaves it running.
mod runtime;

use std::time::Duration;

use runtime::{owned_runtime, runtime};

async fn scrape_loop() {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        tracing::info!("scrape");
    }
}

pub async fn scrape_for(d: Duration) {
    // Flagged: the shared runtime keeps the scraper after the timeout.
    let handle = runtime().spawn(scrape_loop());
    if tokio::time::timeout(d, handle).await.is_err() { //~ join_handle_dropped_by_race
        tracing::info!("scrape window over");
    }
}

pub async fn scrape_until(stop: tokio::sync::oneshot::Receiver<()>) {
    // Flagged: raced by value in `select!`.
    let handle = runtime().spawn(scrape_loop());
    tokio::select! {
        _ = handle => {} //~ join_handle_dropped_by_race
        _ = stop => {}
    }
}

pub async fn scrape_on_own_runtime(d: Duration) {
    // Not flagged: a runtime returned by value is this fn's; dropping it
    // at the end of the fn stops its tasks.
    let rt = owned_runtime();
    let handle = rt.spawn(scrape_loop());
    let _ = tokio::time::timeout(d, handle).await;
}

pub async fn scrape_once(d: Duration) {
    // Not flagged: a task that ends finishes its work after the timeout.
    let handle = runtime().spawn(async { tracing::info!("one scrape") });
    let _ = tokio::time::timeout(d, handle).await;
}
