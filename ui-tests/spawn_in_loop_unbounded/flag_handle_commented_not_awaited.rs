// The twin of ok_handle_awaited_after_comment.rs: the handles are not
// awaited, only mentioned next to comments that speak of awaiting.
use tokio::net::{TcpListener, TcpStream};

async fn serve(_socket: TcpStream) {}

pub async fn kept_not_awaited(listener: TcpListener) -> std::io::Result<()> {
    let mut handles = Vec::new();
    loop {
        let (socket, _) = listener.accept().await?;
        let h = tokio::spawn(serve(socket)); //~ spawn_in_loop_unbounded
        handles.push(h /* .await at shutdown */);
    }
}

pub async fn shadowed_before_the_await(listener: TcpListener) -> std::io::Result<()> {
    loop {
        let (socket, _) = listener.accept().await?;
        let h = tokio::spawn(serve(socket)); //~ spawn_in_loop_unbounded
        let h = async { /* .await */ };
        h.await;
    }
}
