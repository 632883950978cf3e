// Audit: service code written from the spec text (flag cases).
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

async fn handle(_s: tokio::net::TcpStream) {}

pub async fn accept_loop(listener: TcpListener) {
    loop {
        let (socket, _) = listener.accept().await.unwrap();
        tokio::spawn(handle(socket)); //~ spawn_in_loop_unbounded
    }
}

pub async fn while_let_accept(listener: TcpListener) {
    while let Ok((socket, _addr)) = listener.accept().await {
        tokio::spawn(async move { handle(socket).await }); //~ spawn_in_loop_unbounded
    }
}

pub async fn select_accept(listener: TcpListener, mut shutdown: tokio::sync::broadcast::Receiver<()>) {
    loop {
        tokio::select! {
            res = listener.accept() => {
                let (socket, _) = res.unwrap();
                tokio::spawn(handle(socket)); //~ spawn_in_loop_unbounded
            }
            _ = shutdown.recv() => break,
        }
    }
}

pub async fn keeps_handles(listener: TcpListener) {
    let mut handles: Vec<JoinHandle<()>> = Vec::new();
    loop {
        let (socket, _) = listener.accept().await.unwrap();
        handles.push(tokio::spawn(handle(socket))); //~ spawn_in_loop_unbounded
    }
}

pub async fn incoming(mut incoming: tokio_stream::wrappers::TcpListenerStream) {
    use tokio_stream::StreamExt;
    while let Some(Ok(stream)) = incoming.next().await {
        tokio::spawn(handle(stream)); //~ spawn_in_loop_unbounded
    }
}

pub async fn endless_tick() {
    let mut interval = tokio::time::interval(std::time::Duration::from_secs(1));
    loop {
        interval.tick().await;
        tokio::spawn(async { do_work().await }); //~ spawn_in_loop_unbounded
    }
}

async fn do_work() {}
