// A `spawn_blocking` closure that ends on its own finishes its work after
// the race: nothing is left running for good.
use std::time::Duration;

fn compress(data: Vec<u8>) -> Vec<u8> {
    data
}

pub async fn compress_within(data: Vec<u8>, budget: Duration) -> Option<Vec<u8>> {
    let job = tokio::task::spawn_blocking(move || compress(data));
    tokio::time::timeout(budget, job).await.ok()?.ok()
}

pub async fn compress_unless_stopped(data: Vec<u8>, stop: tokio::sync::oneshot::Receiver<()>) {
    let job = tokio::task::spawn_blocking(move || {
        for _ in 0..3 {
            std::thread::sleep(Duration::from_millis(10));
        }
        compress(data)
    });
    tokio::select! {
        _ = job => {}
        _ = stop => {}
    }
}
