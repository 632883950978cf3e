// Audit: service code written from the spec text (leaves-alone cases).
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

async fn handle(_s: tokio::net::TcpStream) {}

pub async fn with_permit(listener: TcpListener) {
    let sem = Arc::new(Semaphore::new(100));
    loop {
        let permit = sem.clone().acquire_owned().await.unwrap();
        let (socket, _) = listener.accept().await.unwrap();
        tokio::spawn(async move {
            handle(socket).await;
            drop(permit);
        });
    }
}

pub async fn with_acquire(listener: TcpListener, limit: Arc<Semaphore>) {
    loop {
        let (socket, _) = listener.accept().await.unwrap();
        let _permit = limit.acquire().await.unwrap();
        tokio::spawn(handle(socket));
    }
}

pub async fn channel_driven(mut rx: tokio::sync::mpsc::Receiver<u32>) {
    while let Some(job) = rx.recv().await {
        tokio::spawn(async move { let _ = job; });
    }
}

pub async fn joinset_bound(listener: TcpListener) {
    let mut set = JoinSet::new();
    loop {
        while set.len() >= 64 {
            set.join_next().await;
        }
        let (socket, _) = listener.accept().await.unwrap();
        set.spawn(handle(socket));
    }
}

pub async fn for_range() {
    for i in 0..10 {
        tokio::spawn(async move { let _ = i; });
    }
}

pub async fn single_accept(listener: TcpListener) {
    let (socket, _) = listener.accept().await.unwrap();
    tokio::spawn(handle(socket));
}
