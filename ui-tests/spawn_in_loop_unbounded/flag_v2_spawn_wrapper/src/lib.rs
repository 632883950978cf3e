mod tasks;

/// Every connection's task through a spawn wrapper of another file: flagged.
pub async fn serve(listener: tokio::net::TcpListener) {
    loop {
        let Ok((sock, _)) = listener.accept().await else { continue };
        tasks::spawn_named("conn", async move { //~ spawn_in_loop_unbounded
            let _ = sock;
        });
    }
}

/// The same, the task made by a call: flagged.
pub async fn serve_by_call(listener: tokio::net::TcpListener) {
    loop {
        let Ok((sock, _)) = listener.accept().await else { continue };
        tasks::spawn_named("conn", handle(sock)); //~ spawn_in_loop_unbounded
    }
}

async fn handle(sock: tokio::net::TcpStream) {
    let _ = sock;
}

/// Near miss: `run_inline` awaits its argument, one connection at a time.
pub async fn serve_inline(listener: tokio::net::TcpListener) {
    loop {
        let Ok((sock, _)) = listener.accept().await else { continue };
        tasks::run_inline(async move {
            let _ = sock;
        })
        .await;
    }
}

/// Near miss: the same by a call, awaited one connection at a time.
pub async fn serve_inline_by_call(listener: tokio::net::TcpListener) {
    loop {
        let Ok((sock, _)) = listener.accept().await else { continue };
        tasks::run_inline(handle(sock)).await;
    }
}
