// The same calls in sync fns and in closures handed to spawn_blocking or
// std::thread::spawn are not async context.
use std::fs;
use std::sync::mpsc;
use std::time::Duration;

pub fn load_sync(path: &str) -> std::io::Result<String> {
    std::thread::sleep(Duration::from_millis(10));
    fs::read_to_string(path)
}

pub async fn load_offloaded(path: String) -> std::io::Result<String> {
    tokio::task::spawn_blocking(move || fs::read_to_string(path))
        .await
        .expect("join")
}

pub async fn offload_with_sleep() {
    let _ = tokio::task::spawn_blocking(|| {
        std::thread::sleep(Duration::from_secs(1));
        std::fs::remove_file("/tmp/lock")
    })
    .await;
}

pub async fn in_block_in_place(handle: tokio::runtime::Handle) {
    tokio::task::block_in_place(|| {
        handle.block_on(async_flush());
    });
}

pub async fn on_a_thread() {
    let (tx, rx) = mpsc::channel::<u32>();
    std::thread::spawn(move || {
        while let Ok(n) = rx.recv() {
            println!("{n}");
        }
    });
    tx.send(1).unwrap();
}

pub async fn nested_sync_fn() -> usize {
    fn count_lines(path: &str) -> usize {
        std::fs::read_to_string(path).map(|s| s.lines().count()).unwrap_or(0)
    }
    // The sync fn's blocking read runs on the blocking pool.
    tokio::task::spawn_blocking(|| count_lines("/etc/hosts"))
        .await
        .unwrap_or(0)
}

pub fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(serve());
    futures::executor::block_on(serve());
}

/// A sync fn taking the runtime may block on it.
pub fn run_sync(rt: &tokio::runtime::Runtime) {
    rt.block_on(serve());
}

/// Some other type's `block_on`.
pub async fn custom_executor(exec: &MyExecutor) {
    exec.block_on(serve());
}
