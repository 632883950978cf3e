// Accept loops on values known to be socket listeners: bound in the same fn,
// typed parameters and fields, a listener's `incoming()` stream, and tasks
// collected in a JoinSet.
use std::sync::Arc;

use futures::StreamExt;
use tokio::task::JoinSet;

async fn serve(_socket: tokio::net::TcpStream) {}

/// The listener is bound in the same fn; the set only grows.
pub async fn run_gateway(addr: std::net::SocketAddr) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let mut sessions = JoinSet::new();
    loop {
        let (socket, peer) = listener.accept().await?;
        tracing::info!(%peer, "session opened");
        sessions.spawn(serve(socket));
        while let Some(done) = sessions.try_join_next() {
            if let Err(e) = done {
                tracing::warn!("session failed: {e}");
            }
        }
    }
}

/// async-std: a Unix socket and its `incoming()` stream.
pub async fn control_socket(path: &str) -> std::io::Result<()> {
    let listener = async_std::os::unix::net::UnixListener::bind(path).await?;
    let mut incoming = listener.incoming();
    while let Some(stream) = incoming.next().await {
        let stream = stream?;
        async_std::task::spawn(async move {
            crate::control::handle(stream).await;
        });
    }
    Ok(())
}

pub struct Server {
    listener: tokio::net::TcpListener,
    state: Arc<crate::State>,
}

impl Server {
    /// A field typed as a listener.
    pub async fn serve(self) -> std::io::Result<()> {
        loop {
            let (socket, _) = self.listener.accept().await?;
            let state = self.state.clone();
            tokio::spawn(async move {
                crate::handle(socket, state).await;
            });
        }
    }
}

/// A shared listener passed in behind an `Arc`.
pub async fn worker_accept(listener: Arc<tokio::net::TcpListener>) {
    while let Ok((socket, _)) = listener.accept().await {
        tokio::spawn(serve(socket));
    }
}

/// std: a thread per connection from a listener bound here.
pub fn metrics_endpoint(addr: &str) -> std::io::Result<()> {
    let listener = std::net::TcpListener::bind(addr)?;
    for stream in listener.incoming() {
        let stream = stream?;
        std::thread::spawn(move || crate::metrics::respond(stream));
    }
    Ok(())
}
