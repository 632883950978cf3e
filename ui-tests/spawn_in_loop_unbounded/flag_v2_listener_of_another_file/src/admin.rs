use std::sync::Arc;

use tokio::net::{TcpStream, UnixStream};
use tokio::sync::Semaphore;

use crate::net;
use crate::server::Server;

async fn handle(_socket: TcpStream) {}

async fn handle_control(_socket: UnixStream) {}

async fn run_job(_job: net::Job) {}

pub async fn run_admin(addr: &str) -> std::io::Result<()> {
    let listener = net::bind_admin(addr).await?;
    while let Ok((socket, _)) = listener.accept().await {
        tokio::spawn(handle(socket)); //~ spawn_in_loop_unbounded
    }
    Ok(())
}

pub async fn run_control(path: &str) {
    let Some(listener) = crate::net::bind_control(path) else {
        return;
    };
    while let Ok((socket, _)) = listener.accept().await {
        tokio::spawn(handle_control(socket)); //~ spawn_in_loop_unbounded
    }
}

impl Server {
    pub async fn serve(&self) -> std::io::Result<()> {
        let listener = self.listen().await?;
        loop {
            let (socket, _) = listener.accept().await?;
            tokio::spawn(handle(socket)); //~ spawn_in_loop_unbounded
        }
    }

    /// Near miss: a permit bounds the connections.
    pub async fn serve_bounded(&self, limit: Arc<Semaphore>) -> std::io::Result<()> {
        let listener = self.listen().await?;
        loop {
            let permit = limit.clone().acquire_owned().await.expect("open");
            let (socket, _) = listener.accept().await?;
            tokio::spawn(async move {
                handle(socket).await;
                drop(permit);
            });
        }
    }
}

/// Near miss: a job queue's `accept` hands out work as it comes, and the
/// loop ends with the queue.
pub async fn run_jobs() {
    let queue = net::job_queue();
    while let Some(job) = queue.accept().await {
        tokio::spawn(run_job(job));
    }
}
