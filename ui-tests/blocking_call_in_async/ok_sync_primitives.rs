// Async receives and barriers are awaited; blocking ones belong on the
// blocking pool or on a thread; receivers and handles from elsewhere are
// not judged.
use std::sync::{Arc, Condvar, Mutex};

pub async fn first_event(source: EventSource) -> Option<Event> {
    let (tx, rx) = flume::unbounded();
    source.subscribe(tx);
    rx.recv_async().await.ok()
}

pub async fn offloaded(jobs: Vec<Job>) -> Vec<Output> {
    let (tx, rx) = crossbeam_channel::unbounded();
    for job in jobs {
        let tx = tx.clone();
        std::thread::spawn(move || tx.send(job.run()));
    }
    drop(tx);
    tokio::task::spawn_blocking(move || rx.iter().collect())
        .await
        .unwrap()
}

pub async fn bounded_wait(rx: crossbeam_channel::Receiver<u32>) -> Option<u32> {
    // A parameter: where it came from is out of sight.
    rx.try_recv().ok()
}

pub async fn tokio_barrier(n: usize) {
    let barrier = Arc::new(tokio::sync::Barrier::new(n));
    for _ in 1..n {
        let b = barrier.clone();
        tokio::spawn(async move {
            b.wait().await;
        });
    }
    barrier.wait().await;
}

pub async fn join_task() -> u64 {
    let handle = tokio::spawn(async { 42 });
    handle.await.unwrap()
}

pub async fn names(parts: Vec<String>) -> String {
    let joined = parts.join(",");
    let path = std::path::Path::new("/srv").join(&joined);
    path.display().to_string()
}

pub async fn condvar_on_the_blocking_pool(pair: Arc<(Mutex<bool>, Condvar)>) {
    tokio::task::spawn_blocking(move || {
        let (lock, cvar) = &*pair;
        let _ready = cvar.wait_while(lock.lock().unwrap(), |r| !*r).unwrap();
    })
    .await
    .unwrap();
}

pub fn sync_join() -> u64 {
    let handle = std::thread::spawn(|| 1);
    handle.join().unwrap()
}
