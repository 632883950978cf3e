use std::sync::Arc;

use tokio::net::{TcpListener, UnixListener};

pub async fn bind_admin(addr: &str) -> std::io::Result<TcpListener> {
    TcpListener::bind(addr).await
}

pub fn bind_control(path: &str) -> Option<Arc<UnixListener>> {
    UnixListener::bind(path).ok().map(Arc::new)
}

/// A queue of jobs: its `accept` hands out work, not connections.
pub struct JobQueue;

impl JobQueue {
    pub async fn accept(&self) -> Option<Job> {
        None
    }
}

pub struct Job;

pub fn job_queue() -> JobQueue {
    JobQueue
}
