// v2: an async handler calls a sync fn of the crate that blocks. The call
// is reported where the async code makes it, with a note at the blocking
// call inside the helper (also through another sync helper). One helper per
// kind of call that can wait whatever the data.
use std::io::Read;
use std::net::{TcpListener, TcpStream, ToSocketAddrs};
use std::process::Command;
use std::sync::mpsc;
use std::sync::{Barrier, Condvar, Mutex};
use std::time::Duration;

pub struct Store {
    peer: String,
}

impl Store {
    fn fetch(&self, key: &str) -> Vec<u8> {
        let mut stream = TcpStream::connect(&self.peer).unwrap();
        let mut out = key.as_bytes().to_vec();
        stream.read_to_end(&mut out).unwrap_or_default();
        out
    }

    pub async fn get(&self, key: &str) -> Vec<u8> {
        self.fetch(key) //~ blocking_call_in_async
    }
}

fn backoff() {
    std::thread::sleep(Duration::from_millis(100));
}

fn retry_with_backoff() {
    backoff();
}

fn run_sync<F: std::future::Future>(fut: F) -> F::Output {
    futures::executor::block_on(fut)
}

fn next_client(listener: &TcpListener) -> Option<TcpStream> {
    listener.accept().ok().map(|(s, _)| s)
}

fn clients(listener: &TcpListener) -> usize {
    listener.incoming().take(1).count()
}

fn resolve(host: &str) -> Option<std::net::SocketAddr> {
    host.to_socket_addrs().ok()?.next()
}

fn git_head() -> Vec<u8> {
    Command::new("git").arg("rev-parse").output().unwrap().stdout
}

fn run_hook(hook: &str) -> bool {
    Command::new(hook).status().is_ok_and(|s| s.success())
}

fn reap(child: &mut std::process::Child) {
    let _ = child.wait();
}

fn compute_on_worker() -> Option<u32> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || tx.send(42));
    rx.recv().ok()
}

fn wait_ready(ready: &Mutex<bool>, cond: &Condvar) {
    let guard = ready.lock().unwrap();
    let _guard = cond.wait(guard).unwrap();
}

fn rendezvous(barrier: &Barrier) {
    barrier.wait();
}

fn checksum_on_thread(data: Vec<u8>) -> usize {
    let handle = std::thread::spawn(move || data.len());
    handle.join().unwrap()
}

pub async fn handle_request(
    listener: &TcpListener,
    child: &mut std::process::Child,
    ready: &Mutex<bool>,
    cond: &Condvar,
    barrier: &Barrier,
) {
    backoff(); //~ blocking_call_in_async
    retry_with_backoff(); //~ blocking_call_in_async
    run_sync(async {}); //~ blocking_call_in_async
    next_client(listener); //~ blocking_call_in_async
    clients(listener); //~ blocking_call_in_async
    resolve("db.internal:5432"); //~ blocking_call_in_async
    git_head(); //~ blocking_call_in_async
    run_hook("/etc/app/hook"); //~ blocking_call_in_async
    reap(child); //~ blocking_call_in_async
    compute_on_worker(); //~ blocking_call_in_async
    wait_ready(ready, cond); //~ blocking_call_in_async
    rendezvous(barrier); //~ blocking_call_in_async
    checksum_on_thread(vec![1, 2, 3]); //~ blocking_call_in_async
}
