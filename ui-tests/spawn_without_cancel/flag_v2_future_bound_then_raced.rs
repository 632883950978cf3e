// A task's loop written as a future bound to a name first, then raced
// against cancellation or given to a cancelling wrapper: it is wrapped as
// if it were written in place. The last task races the name against
// nothing that cancels, and is reported.
use std::time::Duration;
use tokio_util::sync::CancellationToken;

async fn step() {}

async fn run_loop() {
    loop {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

pub fn raced_in_select(token: CancellationToken) {
    tokio::spawn(async move {
        let work = async {
            loop {
                step().await;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        };
        tokio::select! {
            _ = token.cancelled() => {}
            _ = work => {}
        }
    });
}

pub fn pinned_then_raced(token: CancellationToken) {
    tokio::spawn(async move {
        let work = run_loop();
        tokio::pin!(work);
        tokio::select! {
            _ = token.cancelled() => {}
            _ = &mut work => {}
        }
    });
}

pub fn run_until_cancelled(token: CancellationToken) {
    tokio::spawn(async move {
        let fut = run_loop();
        token.run_until_cancelled(fut).await;
    });
}

pub fn under_a_timeout() {
    tokio::spawn(async move {
        let warm = async {
            let mut every = tokio::time::interval(Duration::from_millis(200));
            loop {
                every.tick().await;
                step().await;
            }
        };
        let _ = tokio::time::timeout(Duration::from_secs(60), warm).await;
    });
}

pub fn raced_against_work(other: tokio::sync::mpsc::Receiver<u32>) {
    let mut other = other;
    tokio::spawn(async move { //~ spawn_without_cancel
        let work = run_loop();
        tokio::select! {
            _ = other.recv() => {}
            _ = work => {}
        }
    });
}
