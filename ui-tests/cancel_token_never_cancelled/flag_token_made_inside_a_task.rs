// A token made inside a spawned task reaches a task only when it is handed
// to a spawn of its own: used in the task that made it, it lives and dies
// with that task.
use tokio::net::TcpStream;
use tokio_util::sync::CancellationToken;

async fn serve_conn(s: TcpStream, token: CancellationToken) {
    tokio::select! {
        _ = token.cancelled() => {}
        _ = handle(s) => {}
    }
}

async fn handle(_s: TcpStream) {}

// Near miss: handed to a fn the task awaits in place.
pub fn on_accept_awaited(sock: TcpStream) {
    tokio::spawn(async move {
        let conn_token = CancellationToken::new();
        serve_conn(sock, conn_token.clone()).await;
        tracing::debug!(cancelled = conn_token.is_cancelled(), "conn closed");
    });
}

// Near miss: only tested and dropped inside the task that made it.
pub fn on_accept_logged(sock: TcpStream) {
    tokio::spawn(async move {
        let conn_token = CancellationToken::new();
        tracing::debug!(cancelled = conn_token.is_cancelled(), "conn opened");
        drop(conn_token);
        let _ = sock;
    });
}

// Near miss: the same inside a future bound before it is spawned.
pub fn on_accept_bound(sock: TcpStream) {
    let task = async move {
        let conn_token = CancellationToken::new();
        serve_conn(sock, conn_token.clone()).await;
    };
    tokio::spawn(task);
}

// Near miss: inside a thread's closure.
pub fn on_accept_thread(rt: tokio::runtime::Handle, sock: TcpStream) {
    std::thread::spawn(move || {
        let conn_token = CancellationToken::new();
        rt.block_on(serve_conn(sock, conn_token.clone()));
    });
}

pub fn on_accept_handed_on(sock: TcpStream) {
    tokio::spawn(async move {
        let conn_token = CancellationToken::new(); //~ cancel_token_never_cancelled
        tokio::spawn(serve_conn(sock, conn_token.clone()));
        tracing::debug!("conn handed off");
    });
}
