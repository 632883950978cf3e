// DNS through std's ToSocketAddrs (on anything but an IP address written in
// the code) and a std listener's accept loop block the worker.
use std::io::Write;
use std::net::{TcpListener, ToSocketAddrs};

pub async fn resolve(host: &str, port: u16) -> Option<std::net::SocketAddr> {
    (host, port).to_socket_addrs().ok()?.next() //~ blocking_call_in_async
}

pub async fn metrics_endpoint(addr: &str) -> std::io::Result<()> {
    let listener = TcpListener::bind(addr)?;
    for stream in listener.incoming() { //~ blocking_call_in_async
        let mut stream = stream?;
        stream.write_all(b"HTTP/1.0 200 OK\r\n\r\nup 1\n")?;
    }
    Ok(())
}

pub async fn accept_one(listener: &std::net::TcpListener) -> std::io::Result<std::net::TcpStream> {
    let (stream, _) = listener.accept()?; //~ blocking_call_in_async
    Ok(stream)
}

/// A host name goes to the resolver even when it is written as a literal,
/// and so does a formatted address whose host is not a literal IP.
pub async fn resolve_named(port: u16, host: &str) {
    let _ = "db.internal:5432".to_socket_addrs(); //~ blocking_call_in_async
    let _ = ("localhost", port).to_socket_addrs(); //~ blocking_call_in_async
    let _ = format!("{host}:{port}").to_socket_addrs(); //~ blocking_call_in_async
    let _ = format!("{}:{}", "10.0.0.1.example", port).to_socket_addrs(); //~ blocking_call_in_async
}

/// `set_nonblocking(false)` keeps the socket blocking: its `accept()` waits.
pub async fn accept_blocking_mode(port: u16) -> std::io::Result<()> {
    let listener = TcpListener::bind(("0.0.0.0", port))?;
    listener.set_nonblocking(false)?;
    let (_conn, _peer) = listener.accept()?; //~ blocking_call_in_async
    Ok(())
}
