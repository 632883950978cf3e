// A permit acquired or moved inside a `select!` is a bound like any other:
// the rule reads parsed `select!` bodies (near-miss twin of
// flag_no_permit_inside_select.rs).
use std::sync::Arc;
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;

async fn serve(_socket: TcpStream) {}

async fn shutdown_signal() {}

// The task fn acquires its permit in a `select!` branch.
async fn handle_with_deadline(socket: TcpStream, limit: Arc<Semaphore>) {
    tokio::select! {
        permit = limit.acquire_owned() => {
            let _permit = permit;
            serve(socket).await;
        }
        _ = tokio::time::sleep(Duration::from_secs(5)) => {}
    }
}

pub async fn task_fn_acquires_in_select(listener: TcpListener, limit: Arc<Semaphore>) {
    while let Ok((socket, _)) = listener.accept().await {
        tokio::spawn(handle_with_deadline(socket, limit.clone()));
    }
}

// The permit moves into the task and is only mentioned in a `select!` branch.
pub async fn permit_moved_into_select(listener: TcpListener, limiter: crate::Limiter) {
    while let Ok((socket, _)) = listener.accept().await {
        let conn_permit = limiter.wait_for_slot().await;
        tokio::spawn(async move {
            tokio::select! {
                _ = serve(socket) => drop(conn_permit),
                _ = shutdown_signal() => {}
            }
        });
    }
}
