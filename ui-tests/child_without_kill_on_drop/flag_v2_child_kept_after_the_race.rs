// A child raced with `child.wait()` in a `select!` survives the race when the
// `wait()` future loses: only that future is dropped. Moved on afterwards
// (stored in a field, returned, handed to a registry), its new owner can
// still kill it: not reported. Reported: the child only dropped after the
// race (`drop(child)` kills nothing without `kill_on_drop(true)`), and one
// whose only later use borrows it.
use std::time::Duration;

use tokio::process::{Child, Command};

async fn port_open(port: u16) {
    while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[derive(Default)]
pub struct Sidecar {
    child: Option<Child>,
}

pub struct Registry {
    children: Vec<Child>,
}

impl Sidecar {
    pub async fn start(&mut self) -> std::io::Result<()> {
        let mut child = Command::new("redis-server").arg("--port").arg("6390").spawn()?;
        tokio::select! {
            st = child.wait() => return Err(std::io::Error::other(format!("exited: {st:?}"))),
            _ = port_open(6390) => {}
        }
        self.child = Some(child);
        Ok(())
    }

    pub async fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill().await;
        }
    }
}

pub async fn start_returned() -> std::io::Result<Child> {
    let mut child = Command::new("nats-server").spawn()?;
    tokio::select! {
        st = child.wait() => return Err(std::io::Error::other(format!("exited: {st:?}"))),
        _ = port_open(4222) => {}
    }
    Ok(child)
}

pub async fn start_registered(registry: &mut Registry) -> std::io::Result<()> {
    let mut child = Command::new("minio").spawn()?;
    tokio::select! {
        _ = child.wait() => {}
        _ = port_open(9000) => {}
    }
    registry.children.push(child);
    Ok(())
}

pub async fn start_dropped() -> std::io::Result<()> {
    let mut child = Command::new("etcd").spawn()?; //~ child_without_kill_on_drop
    tokio::select! {
        _ = child.wait() => {}
        _ = port_open(2379) => {}
    }
    drop(child);
    Ok(())
}

pub async fn start_logged() -> std::io::Result<()> {
    let mut child = Command::new("consul").spawn()?; //~ child_without_kill_on_drop
    tokio::select! {
        _ = child.wait() => {}
        _ = port_open(8500) => {}
    }
    tracing::info!(pid = ?child.id(), "consul is up");
    log_child(&child);
    Ok(())
}

fn log_child(child: &Child) {
    tracing::debug!(pid = ?child.id());
}
