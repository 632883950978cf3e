// Audit: service code written from the spec text (leaves-alone cases).
use std::fs;
use std::time::Duration;

pub fn sync_load() -> String {
    fs::read_to_string("a").unwrap()
}

pub async fn spawn_blocking_load() -> String {
    tokio::task::spawn_blocking(|| fs::read_to_string("a").unwrap()).await.unwrap()
}

pub async fn thread_spawn() {
    std::thread::spawn(|| {
        std::thread::sleep(Duration::from_secs(1));
    });
}

pub async fn tokio_apis() {
    tokio::fs::read_to_string("a").await.unwrap();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let mut rx = tokio_chan();
    rx.recv().await;
}

fn tokio_chan() -> tokio::sync::mpsc::Receiver<u32> {
    tokio::sync::mpsc::channel(1).1
}

pub async fn closure_not_async() {
    let f = || std::fs::remove_file("x");
    let _ = tokio::task::spawn_blocking(f).await;
}

pub async fn recv_param(rx: std::sync::mpsc::Receiver<u32>) {
    // receiver not created in this function
    let _ = rx.try_recv();
}

pub fn main_block_on() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        tokio::time::sleep(Duration::from_millis(1)).await;
    });
}

pub async fn tokio_listener() {
    let l = tokio::net::TcpListener::bind("0.0.0.0:80").await.unwrap();
    let _ = l.accept().await;
}
