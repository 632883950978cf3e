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
        sessions.spawn(serve(socket)); //~ spawn_in_loop_unbounded
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
        async_std::task::spawn(async move { //~ spawn_in_loop_unbounded
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
            tokio::spawn(async move { //~ spawn_in_loop_unbounded
                crate::handle(socket, state).await;
            });
        }
    }
}

/// A shared listener passed in behind an `Arc`.
pub async fn worker_accept(listener: Arc<tokio::net::TcpListener>) {
    while let Ok((socket, _)) = listener.accept().await {
        tokio::spawn(serve(socket)); //~ spawn_in_loop_unbounded
    }
}

/// std: a thread per connection from a listener bound here.
pub fn metrics_endpoint(addr: &str) -> std::io::Result<()> {
    let listener = std::net::TcpListener::bind(addr)?;
    for stream in listener.incoming() {
        let stream = stream?;
        std::thread::spawn(move || crate::metrics::respond(stream)); //~ spawn_in_loop_unbounded
    }
    Ok(())
}

/// Bound through a `match` that exits on error.
pub async fn proxy_main(addr: String) {
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(sock) => sock,
        Err(err) => {
            tracing::error!("listener socket error {err:?}");
            std::process::exit(1);
        }
    };
    loop {
        let Ok((socket, addr)) = listener.accept().await else { continue };
        tokio::spawn(async move { //~ spawn_in_loop_unbounded
            crate::client_entrypoint(socket, addr).await;
        });
    }
}

/// Bound with `let … else`.
pub async fn admin_listener(addr: std::net::SocketAddr) {
    let Ok(listener) = tokio::net::TcpListener::bind(addr).await else {
        return;
    };
    while let Ok((socket, _)) = listener.accept().await {
        tokio::spawn(serve(socket)); //~ spawn_in_loop_unbounded
    }
}

/// smol: `Async::<TcpListener>::bind`.
pub fn echo_server() -> std::io::Result<()> {
    use smol::Async;
    smol::block_on(async {
        let listener = Async::<std::net::TcpListener>::bind(([127, 0, 0, 1], 7000))?;
        loop {
            let (stream, _) = listener.accept().await?;
            smol::spawn(crate::echo(stream)).detach(); //~ spawn_in_loop_unbounded
        }
    })
}

pub struct Tunnels {
    min_port: u16,
}

impl Tunnels {
    /// A method of this file declared to return a listener.
    async fn create_listener(&self, port: u16) -> Result<tokio::net::TcpListener, &'static str> {
        if port < self.min_port {
            return Err("port out of range");
        }
        tokio::net::TcpListener::bind(("0.0.0.0", port))
            .await
            .map_err(|_| "port already in use")
    }

    pub async fn forward(&self, port: u16) -> Result<(), &'static str> {
        let listener = self.create_listener(port).await?;
        loop {
            let (stream, _) = listener.accept().await.map_err(|_| "accept failed")?;
            tokio::spawn(serve(stream)); //~ spawn_in_loop_unbounded
        }
    }
}

/// A fn of this file, called through its module's path, declared to
/// return a listener.
mod net {
    pub async fn listen(addr: &str) -> std::io::Result<tokio::net::TcpListener> {
        tokio::net::TcpListener::bind(addr).await
    }
}

async fn bind_admin() -> std::io::Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind("127.0.0.1:9901").await
}

pub async fn public_port() -> std::io::Result<()> {
    let listener = net::listen("0.0.0.0:9900").await?;
    loop {
        let (stream, _) = listener.accept().await?;
        tokio::spawn(serve(stream)); //~ spawn_in_loop_unbounded
    }
}

pub async fn admin_port() -> std::io::Result<()> {
    let listener = self::bind_admin().await?;
    loop {
        let (stream, _) = listener.accept().await?;
        tokio::spawn(serve(stream)); //~ spawn_in_loop_unbounded
    }
}
