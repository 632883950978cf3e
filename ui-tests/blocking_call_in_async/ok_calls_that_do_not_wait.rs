// File-system metadata and directory calls, and binding a socket, do not
// wait for anything worth a worker thread: not reported.
use std::fs;
use std::net::{TcpListener, UdpSocket};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

pub async fn prepare_cache(dir: &Path) -> std::io::Result<PathBuf> {
    if !dir.exists() || !fs::try_exists(dir)? {
        fs::create_dir_all(dir)?;
    }
    fs::create_dir(dir.join("tmp")).ok();
    let meta = fs::metadata(dir)?;
    let link = fs::symlink_metadata(dir.join("current"))?;
    if link.is_symlink() {
        let _target = fs::read_link(dir.join("current"))?;
    }
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    println!("{}", meta.len());
    fs::canonicalize(dir)
}

pub async fn rotate(dir: &Path) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "old") {
            fs::remove_file(&path)?;
        } else {
            fs::rename(&path, path.with_extension("old"))?;
        }
    }
    fs::remove_dir(dir.join("tmp"))?;
    std::fs::DirBuilder::new().recursive(true).create(dir.join("new"))
}

pub async fn listen(addr: &str) -> std::io::Result<tokio::net::TcpListener> {
    let std_listener = TcpListener::bind(addr)?;
    std_listener.set_nonblocking(true)?;
    tokio::net::TcpListener::from_std(std_listener)
}

pub async fn discovery_socket() -> std::io::Result<tokio::net::UdpSocket> {
    let socket = UdpSocket::bind("0.0.0.0:5353")?;
    socket.set_nonblocking(true)?;
    tokio::net::UdpSocket::from_std(socket)
}

pub async fn tokio_equivalents(dir: &Path) -> std::io::Result<String> {
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    tokio::fs::read_to_string(dir.join("state")).await
}
