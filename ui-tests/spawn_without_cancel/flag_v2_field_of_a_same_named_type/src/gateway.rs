use std::sync::Arc;

use crate::grpc;
use crate::http::Client;

/// The fields name their types' modules: `grpc::Client` through the module,
/// `http::Client` through the import.
pub struct Gateway {
    upstream: Arc<grpc::Client>,
    web: Client,
}

impl Gateway {
    pub fn connect() -> Self {
        Self {
            upstream: Arc::new(grpc::Client::new("grpc://upstream".into())),
            web: Client::new("https://upstream".into()),
        }
    }

    async fn warm_upstream(&self) {
        self.upstream.keep_warm().await;
    }

    async fn warm_web(&self) {
        self.web.keep_warm().await;
    }
}

/// Each connection warms both clients in tasks of its own.
pub async fn serve(gw: Arc<Gateway>, socket: tokio::net::TcpStream) {
    let upstream = gw.clone();
    tokio::spawn(async move { upstream.warm_upstream().await }); //~ spawn_without_cancel
    // Near miss: the HTTP client's `keep_warm` ends.
    let web = gw.clone();
    tokio::spawn(async move { web.warm_web().await });
    drop(socket);
}
