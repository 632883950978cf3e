use tokio::net::TcpListener;

pub struct Server {
    pub addr: String,
}

impl Server {
    pub async fn listen(&self) -> std::io::Result<TcpListener> {
        TcpListener::bind(&self.addr).await
    }
}
