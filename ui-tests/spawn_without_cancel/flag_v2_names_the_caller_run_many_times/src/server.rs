use crate::metrics::Metrics;
use crate::pool::{Dialer, Pool};

pub async fn serve(_metrics: Metrics) {
    let listener = tokio::net::TcpListener::bind("0.0.0.0:9000").await.unwrap();
    loop {
        let (socket, _) = listener.accept().await.unwrap();
        tokio::spawn(async move {
            handle(socket).await;
        });
    }
}

async fn handle(socket: tokio::net::TcpStream) {
    let session = Session::open(socket).await;
    session.run().await;
}

struct Session {
    pool: Pool,
}

impl Session {
    async fn open(_socket: tokio::net::TcpStream) -> Session {
        Session { pool: Pool::connect() }
    }

    async fn run(&self) {}
}

pub async fn reconnect() {
    for _attempt in 0..5 {
        let _dialer = Dialer::dial();
    }
}
