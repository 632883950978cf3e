// A task per accepted connection, with nothing limiting how many run.
use std::sync::Arc;

use tokio::net::{TcpListener, TcpStream};
use tokio::spawn as go;
use tokio::task;

async fn serve(_socket: TcpStream, _state: Arc<crate::State>) {}

pub async fn accept_then_spawn(listener: TcpListener, state: Arc<crate::State>) -> std::io::Result<()> {
    loop {
        let (socket, peer) = listener.accept().await?;
        tracing::debug!(%peer, "connection");
        let state = state.clone();
        tokio::spawn(async move { //~ spawn_in_loop_unbounded
            serve(socket, state).await;
        });
    }
}

pub async fn while_let_accept(listener: TcpListener, state: Arc<crate::State>) {
    while let Ok((socket, _)) = listener.accept().await {
        task::spawn(serve(socket, state.clone())); //~ spawn_in_loop_unbounded
    }
}

pub async fn match_on_accept(listener: TcpListener, state: Arc<crate::State>) {
    loop {
        match listener.accept().await {
            Ok((socket, _)) => {
                go(serve(socket, state.clone())); //~ spawn_in_loop_unbounded
            }
            Err(e) => tracing::warn!("accept failed: {e}"),
        }
    }
}

pub async fn accept_in_select(
    listener: TcpListener,
    state: Arc<crate::State>,
    token: tokio_util::sync::CancellationToken,
) {
    loop {
        tokio::select! {
            _ = token.cancelled() => break,
            res = listener.accept() => {
                if let Ok((socket, _)) = res {
                    let state = state.clone();
                    tokio::spawn(async move { serve(socket, state).await }); //~ spawn_in_loop_unbounded
                }
            }
        }
    }
}

pub async fn incoming_stream(mut incoming: tokio_stream::wrappers::TcpListenerStream, state: Arc<crate::State>) {
    use tokio_stream::StreamExt;
    while let Some(Ok(socket)) = incoming.next().await {
        tokio::spawn(serve(socket, state.clone())); //~ spawn_in_loop_unbounded
    }
}

pub async fn handles_kept(listener: TcpListener, state: Arc<crate::State>) -> std::io::Result<()> {
    let mut handles = Vec::new();
    loop {
        let (socket, _) = listener.accept().await?;
        handles.push(tokio::spawn(serve(socket, state.clone()))); //~ spawn_in_loop_unbounded
    }
}

pub async fn quic_endpoint(endpoint: quinn::Endpoint) {
    while let Some(connecting) = endpoint.accept().await {
        tokio::spawn(async move { //~ spawn_in_loop_unbounded
            let _conn = connecting.await;
        });
    }
}
