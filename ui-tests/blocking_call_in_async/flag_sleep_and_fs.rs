// std::thread::sleep and std::fs inside async fns and async blocks.
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use serde::Deserialize;

#[derive(Deserialize)]
pub struct Config {
    pub port: u16,
}

pub async fn load_config(path: &Path) -> anyhow::Result<Config> {
    let text = fs::read_to_string(path)?; //~ blocking_call_in_async
    Ok(toml::from_str(&text)?)
}

pub async fn retry_connect(addr: &str) -> anyhow::Result<tokio::net::TcpStream> {
    for attempt in 0..5 {
        match tokio::net::TcpStream::connect(addr).await {
            Ok(s) => return Ok(s),
            Err(_) => thread::sleep(Duration::from_millis(100 * attempt)), //~ blocking_call_in_async
        }
    }
    anyhow::bail!("unreachable: {addr}")
}

pub struct Store {
    dir: PathBuf,
}

impl Store {
    pub async fn put(&self, key: &str, value: &[u8]) -> std::io::Result<()> {
        let mut file = File::create(self.dir.join(key))?; //~ blocking_call_in_async
        file.write_all(value)?; //~ blocking_call_in_async
        Ok(())
    }

    pub async fn get(&self, key: &str) -> std::io::Result<Vec<u8>> {
        let mut buf = Vec::new();
        File::open(self.dir.join(key))?.read_to_end(&mut buf)?; //~ blocking_call_in_async
        Ok(buf)
    }

    pub async fn append_log(&self, line: &str) -> std::io::Result<()> {
        let mut log = OpenOptions::new().create(true).append(true).open(self.dir.join("log"))?; //~ blocking_call_in_async
        writeln!(log, "{line}")
    }

    pub async fn purge(&self) -> std::io::Result<()> {
        for entry in std::fs::read_dir(&self.dir)? {
            std::fs::remove_file(entry?.path())?;
        }
        Ok(())
    }
}

pub fn ensure_dir_later(dir: PathBuf) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(5)).await;
        if fs::metadata(&dir).is_err() {
            std::fs::create_dir_all(&dir).ok();
        }
    })
}

/// An async closure is async context too.
pub async fn snapshot(paths: Vec<PathBuf>) {
    let read = async |p: PathBuf| std::fs::read(p); //~ blocking_call_in_async
    for p in paths {
        let _ = read(p).await;
    }
}

// Inside `matches!` with a guard.
pub async fn user_listed(path: &str, name: &str) -> bool {
    matches!(
        std::fs::read_to_string(path).as_deref(), //~ blocking_call_in_async
        Ok(s) if s.contains(name)
    )
}
