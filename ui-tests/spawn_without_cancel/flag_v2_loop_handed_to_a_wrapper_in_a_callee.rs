// A task that calls a fn which hands an endless async block to a spawn
// wrapper: that loop is the wrapper's task, reported once at the wrapper
// call, not again as a loop of the calling task.
use std::future::Future;
use std::time::Duration;

fn background<F: Future<Output = ()> + Send + 'static>(fut: F) {
    tokio::spawn(fut);
}

fn start_keepalive() {
    background(async move { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}

async fn command(n: u32) {
    if n == 1 {
        start_keepalive();
    }
}

pub fn serve(n: u32) {
    tokio::spawn(async move {
        command(n).await;
    });
}
