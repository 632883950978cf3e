// Listeners and `JoinSet`s kept in a struct's fields: `self.public`, a
// field of a parameter of the struct's type (`srv.admin`, behind an `Arc`),
// and a `JoinSet` field that the accept loop spawns into. Near misses: a
// field that is no listener, and a `JoinSet` field whose length is checked
// before each spawn.
use std::sync::Arc;

use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

async fn handle(_s: TcpStream) {}

pub struct Server {
    public: TcpListener,
    admin: Arc<TcpListener>,
    upstream: Arc<Upstream>,
    tasks: JoinSet<()>,
    shutdown: CancellationToken,
}

impl Server {
    pub async fn run_public(&self) -> std::io::Result<()> {
        loop {
            let (sock, _) = self.public.accept().await?;
            tokio::spawn(handle(sock)); //~ spawn_in_loop_unbounded
        }
    }

    pub async fn run_tracked(&mut self) {
        loop {
            tokio::select! {
                _ = self.shutdown.cancelled() => break,
                Ok((sock, _)) = self.public.accept() => {
                    self.tasks.spawn(handle(sock)); //~ spawn_in_loop_unbounded
                }
            }
        }
        self.tasks.shutdown().await;
    }

    pub async fn run_capped(&mut self, cap: usize) {
        loop {
            tokio::select! {
                _ = self.shutdown.cancelled() => break,
                Ok((sock, _)) = self.public.accept() => {
                    if self.tasks.len() >= cap {
                        drop(sock);
                        continue;
                    }
                    self.tasks.spawn(handle(sock));
                }
            }
        }
    }
}

pub async fn run_admin(srv: &Server) -> std::io::Result<()> {
    loop {
        let (sock, _) = srv.admin.accept().await?;
        tokio::spawn(handle(sock)); //~ spawn_in_loop_unbounded
    }
}

// `Upstream::accept` hands out pooled connections, not sockets of a
// listener, and the loop ends when the pool closes.
pub async fn run_upstream(srv: &Server) {
    while let Some(conn) = srv.upstream.accept().await {
        tokio::spawn(conn.run());
    }
}
