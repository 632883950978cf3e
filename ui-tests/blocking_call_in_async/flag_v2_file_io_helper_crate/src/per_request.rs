// With `helper_file_io = "report"`, an async fn awaited once by its one
// caller is a step of that caller's work, and stays silent as start-up
// does, unless that caller runs many times: a task started per connection,
// a request handler (by what it takes, or handed by name to a router).
use std::path::Path;

use axum::extract::State;
use axum::routing::get;
use axum::Router;

fn read_blob(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

fn write_snapshot(body: &[u8]) {
    std::fs::write("/var/lib/app/snapshot", body).ok();
}

// Awaited once by `handle_conn`, which runs once per accepted connection.
async fn snapshot(body: Vec<u8>) {
    write_snapshot(&body); //~ blocking_call_in_async
}

async fn handle_conn(sock: tokio::net::TcpStream) {
    let _ = sock.peer_addr();
    snapshot(Vec::new()).await;
}

pub async fn accept_loop(listener: tokio::net::TcpListener) {
    while let Ok((sock, _)) = listener.accept().await {
        tokio::spawn(handle_conn(sock));
    }
}

#[derive(Clone)]
pub struct AppState {
    root: String,
}

// Awaited once by a handler that takes an extractor: once per request.
async fn load_report(root: &str) -> usize {
    read_blob(root).len() //~ blocking_call_in_async
}

pub async fn report(State(st): State<AppState>) -> String {
    load_report(&st.root).await.to_string()
}

// Awaited once by a handler handed to the router by name.
async fn fetch_blob(key: &str) -> Vec<u8> {
    read_blob(key) //~ blocking_call_in_async
}

async fn download() -> Vec<u8> {
    fetch_blob("/srv/blobs/latest").await
}

pub fn router(state: AppState) -> Router {
    Router::new().route("/latest", get(download)).with_state(state)
}

// Near-miss: `&Path` is std's path, not an extractor. `open_store` is one
// step of `boot`, awaited once.
async fn open_store(dir: &Path) -> usize {
    read_blob(&dir.display().to_string()).len()
}

async fn boot(dir: &Path) -> usize {
    open_store(dir).await
}

pub async fn start() -> usize {
    boot(Path::new("/var/lib/app")).await
}

// A message loop: the first of its helper calls is reported, not the
// second (one fix moves both off the worker).
pub async fn drain(mut rx: tokio::sync::mpsc::Receiver<Vec<u8>>) {
    while let Some(body) = rx.recv().await {
        let _old = read_blob("/var/lib/app/snapshot"); //~ blocking_call_in_async
        write_snapshot(&body);
    }
}
