// Accept loops with a concurrency bound.
use std::sync::Arc;

use futures::StreamExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

async fn serve(_socket: TcpStream) {}

pub async fn owned_permit(listener: TcpListener, limit: Arc<Semaphore>) -> std::io::Result<()> {
    loop {
        let permit = limit.clone().acquire_owned().await.unwrap();
        let (socket, _) = listener.accept().await?;
        tokio::spawn(async move {
            serve(socket).await;
            drop(permit);
        });
    }
}

pub async fn try_acquire_or_reject(listener: TcpListener, limit: Arc<Semaphore>) {
    loop {
        let Ok((socket, _)) = listener.accept().await else { continue };
        match limit.clone().try_acquire_owned() {
            Ok(permit) => {
                tokio::spawn(async move {
                    let _permit = permit;
                    serve(socket).await;
                });
            }
            Err(_) => drop(socket),
        }
    }
}

pub async fn permit_from_elsewhere(listener: TcpListener, limiter: crate::Limiter) {
    while let Ok((socket, _)) = listener.accept().await {
        let conn_permit = limiter.wait_for_slot().await;
        tokio::spawn(async move {
            serve(socket).await;
            drop(conn_permit);
        });
    }
}

pub async fn acquired_inside_the_task(listener: TcpListener, limit: Arc<Semaphore>) {
    while let Ok((socket, _)) = listener.accept().await {
        let limit = limit.clone();
        tokio::spawn(async move {
            let _p = limit.acquire().await;
            serve(socket).await;
        });
    }
}

const MAX_CONNECTIONS: usize = 512;

pub async fn joinset_length(listener: TcpListener) -> std::io::Result<()> {
    let mut tasks = JoinSet::new();
    let mut detached = Vec::new();
    loop {
        while tasks.len() >= MAX_CONNECTIONS {
            tasks.join_next().await;
        }
        let (socket, _) = listener.accept().await?;
        detached.push(tokio::spawn(serve(socket)));
    }
}

pub async fn buffered_stream(listener: tokio_stream::wrappers::TcpListenerStream) {
    listener
        .for_each_concurrent(64, |socket| async move {
            if let Ok(socket) = socket {
                let _ = tokio::spawn(serve(socket)).await;
            }
        })
        .await;
}

pub async fn one_at_a_time(listener: TcpListener) -> std::io::Result<()> {
    loop {
        let (socket, _) = listener.accept().await?;
        let handle = tokio::spawn(serve(socket));
        if let Err(e) = handle.await {
            tracing::error!("connection task panicked: {e}");
        }
    }
}

/// A JoinSet whose length is checked before each spawn.
pub async fn joinset_spawn_with_limit(listener: TcpListener) {
    let mut set = JoinSet::new();
    while let Ok((socket, _)) = listener.accept().await {
        if set.len() >= MAX_CONNECTIONS {
            let _ = set.join_next().await;
        }
        set.spawn(serve(socket));
    }
}

pub async fn buffer_unordered_in_loop(listener: TcpListener, batches: crate::Batches) {
    loop {
        let (socket, _) = match listener.accept().await {
            Ok(pair) => pair,
            Err(_) => continue,
        };
        let jobs = batches.for_socket(&socket);
        let _ = futures::stream::iter(jobs).map(|j| j.run()).buffer_unordered(8);
        tokio::spawn(serve(socket));
    }
}

pub async fn connection_limit(endpoint: quinn::Endpoint, limit: Option<usize>) {
    while let Some(incoming) = endpoint.accept().await {
        if limit.is_some_and(|n| endpoint.open_connections() >= n) {
            incoming.refuse();
            continue;
        }
        tokio::spawn(async move {
            let _conn = incoming.await;
        });
    }
}

pub async fn active_counter(listener: TcpListener, active: Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::atomic::Ordering;
    loop {
        let Ok((socket, _)) = listener.accept().await else { continue };
        if active.load(Ordering::Acquire) >= MAX_CONNECTIONS {
            drop(socket);
            continue;
        }
        let active = active.clone();
        tokio::spawn(async move {
            active.fetch_add(1, Ordering::AcqRel);
            serve(socket).await;
            active.fetch_sub(1, Ordering::AcqRel);
        });
    }
}
