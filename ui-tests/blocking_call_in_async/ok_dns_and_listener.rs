// tokio's lookup and listener are awaited; async-std's ToSocketAddrs
// returns a future; a non-blocking std listener does not wait.
use async_std::net::ToSocketAddrs;

pub async fn resolve(host: &str, port: u16) -> Option<std::net::SocketAddr> {
    tokio::net::lookup_host((host, port)).await.ok()?.next()
}

pub async fn resolve_async_std(host: &str) -> Option<std::net::SocketAddr> {
    host.to_socket_addrs().await.ok()?.next()
}

pub async fn poll_accept(addr: &str) -> std::io::Result<()> {
    let listener = std::net::TcpListener::bind(addr)?;
    listener.set_nonblocking(true)?;
    loop {
        match listener.accept() {
            Ok((stream, _)) => handle(stream),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            }
            Err(e) => return Err(e),
        }
    }
}

pub async fn serve(addr: &str) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    loop {
        let (socket, _) = listener.accept().await?;
        handle_async(socket).await;
    }
}

// A mode leaklint cannot tell may be non-blocking: not judged.
pub async fn poll_accept_in_mode(addr: &str, nonblocking: bool) -> std::io::Result<()> {
    let listener = std::net::TcpListener::bind(addr)?;
    listener.set_nonblocking(nonblocking)?;
    let _ = listener.accept();
    Ok(())
}
