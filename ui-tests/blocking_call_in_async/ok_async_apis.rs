// The async counterparts are fine, as are receivers and runtimes leaklint
// cannot see being created, or written, as std / tokio blocking types.
use std::time::Duration;

use tokio::fs;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio::time::sleep;

pub async fn load(path: &str) -> std::io::Result<String> {
    sleep(Duration::from_millis(5)).await;
    fs::read_to_string(path).await
}

pub async fn serve() -> std::io::Result<()> {
    let listener = TcpListener::bind("0.0.0.0:8080").await?;
    loop {
        let (socket, _) = listener.accept().await?;
        tokio::spawn(handle(socket));
    }
}

pub async fn dial(addr: &str) -> std::io::Result<TcpStream> {
    TcpStream::connect(addr).await
}

pub async fn drain() {
    let (tx, mut rx) = mpsc::channel::<u32>(8);
    tokio::spawn(async move { tx.send(1).await });
    while let Some(n) = rx.recv().await {
        println!("{n}");
    }
}

pub async fn from_parameter(rx: &Inbox) -> u32 {
    // A value of a type of this crate: its `recv` is its own.
    rx.recv().unwrap_or(0)
}

pub struct Inbox;

impl Inbox {
    pub fn recv(&self) -> Option<u32> {
        None
    }
}

pub async fn tokio_fs_module() -> std::io::Result<()> {
    tokio::fs::create_dir_all("/var/cache/app").await?;
    tokio::fs::write("/var/cache/app/stamp", b"1").await
}

pub async fn std_paths_without_io() -> std::fs::OpenOptions {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    opts
}

/// tokio's file and child, unwrapped by a pattern: their methods are async.
pub async fn read_pid_file(path: &str) -> Option<u32> {
    use tokio::io::AsyncReadExt;
    if let Ok(mut file) = tokio::fs::File::open(path).await {
        let mut text = String::new();
        file.read_to_string(&mut text).await.ok()?;
        return text.trim().parse().ok();
    }
    let Ok(mut child) = tokio::process::Command::new("true").spawn() else {
        return None;
    };
    child.wait().await.ok()?;
    None
}
