// Racing `&mut handle` keeps the handle: the author decides what happens
// to the loser (here: abort it).
use std::time::Duration;

use tokio::time::timeout;

pub async fn handle_socket(socket: WebSocket, state: AppState) {
    let (sender, receiver) = socket.split();
    let mut send_task = tokio::spawn(forward(state.subscribe(), sender));
    let mut recv_task = tokio::spawn(read_all(receiver, state.clone()));
    tokio::select! {
        _ = &mut send_task => recv_task.abort(),
        _ = &mut recv_task => send_task.abort(),
    }
}

pub async fn fused_borrow(a: Worker, b: Worker) {
    use futures::FutureExt;
    let mut left = tokio::spawn(a.run()).fuse();
    let mut right = tokio::spawn(b.run()).fuse();
    futures::select! {
        _ = &mut left => {}
        _ = &mut right => {}
    }
}

pub async fn bounded_wait(job: Job) {
    let mut worker = tokio::spawn(async move {
        loop {
            job.step().await;
        }
    });
    if timeout(Duration::from_secs(5), &mut worker).await.is_err() {
        worker.abort();
    }
}

pub async fn pinned(job: Job, mut stop: tokio::sync::oneshot::Receiver<()>) {
    let worker = tokio::spawn(job.run());
    tokio::pin!(worker);
    tokio::select! {
        _ = worker => {}
        _ = &mut stop => {}
    }
}

pub async fn single_branch(job: Job) {
    // One branch: nothing for the handle to lose to.
    let worker = tokio::spawn(job.run());
    tokio::select! {
        res = worker => log(res),
    }
}
