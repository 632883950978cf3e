// A comment between a handle and its `.await` changes nothing: the handle
// is awaited in the same turn, so one task runs at a time (near-miss twin
// of flag_handle_commented_not_awaited.rs).
use tokio::net::{TcpListener, TcpStream};

async fn serve(_socket: TcpStream) {}

pub async fn awaited_after_a_comment(listener: TcpListener) -> std::io::Result<()> {
    loop {
        let (socket, _) = listener.accept().await?;
        let h = tokio::spawn(serve(socket));
        h /* one connection at a time */ .await?;
    }
}

pub async fn awaited_after_a_line_comment(listener: TcpListener) -> std::io::Result<()> {
    loop {
        let (socket, _) = listener.accept().await?;
        let handle = tokio::spawn(serve(socket));
        handle // wait for this one before taking the next
            .await?;
    }
}

pub fn joined_in_parentheses(listener: std::net::TcpListener) {
    loop {
        let (socket, _) = listener.accept().unwrap();
        let t = std::thread::spawn(move || drop(socket));
        (t).join().unwrap();
    }
}
