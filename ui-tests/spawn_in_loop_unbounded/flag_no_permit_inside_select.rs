// The twin of ok_permit_inside_select.rs without the permits: a `select!`
// in the task is no bound by itself.
use std::sync::Arc;
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;

async fn serve(_socket: TcpStream) {}

async fn shutdown_signal() {}

// The task fn races its work against a deadline but acquires nothing.
async fn handle_with_deadline(socket: TcpStream, limit: Arc<Semaphore>) {
    tokio::select! {
        _ = serve(socket) => {
            let _left = limit.available();
        }
        _ = tokio::time::sleep(Duration::from_secs(5)) => {}
    }
}

pub async fn task_fn_selects_without_permit(listener: TcpListener, limit: Arc<Semaphore>) {
    while let Ok((socket, _)) = listener.accept().await {
        tokio::spawn(handle_with_deadline(socket, limit.clone())); //~ spawn_in_loop_unbounded
    }
}

// What moves into the task and into the `select!` is no permit.
pub async fn no_permit_moved_into_select(listener: TcpListener, limiter: crate::Limiter) {
    while let Ok((socket, _)) = listener.accept().await {
        let conn_slot = limiter.name();
        tokio::spawn(async move { //~ spawn_in_loop_unbounded
            tokio::select! {
                _ = serve(socket) => drop(conn_slot),
                _ = shutdown_signal() => {}
            }
        });
    }
}
