// A chat server: one reader and one writer task per client, raced "so that
// when one side stops, both stop". Only the winner has stopped: the other
// handle is dropped by `select!` and its task keeps running.
use std::sync::Arc;

use axum::extract::ws::{Message, WebSocket};
use futures::{SinkExt, StreamExt};
use tokio::sync::broadcast;

pub struct AppState {
    pub tx: broadcast::Sender<String>,
}

pub async fn handle_socket(socket: WebSocket, state: Arc<AppState>, name: String) {
    let (mut sender, mut receiver) = socket.split();
    let mut rx = state.tx.subscribe();

    let send_task = tokio::spawn(async move {
        while let Ok(msg) = rx.recv().await {
            if sender.send(Message::Text(msg.into())).await.is_err() {
                break;
            }
        }
    });

    let tx = state.tx.clone();
    let receive_task = tokio::spawn(async move {
        while let Some(Ok(Message::Text(text))) = receiver.next().await {
            let _ = tx.send(format!("{name}: {text}"));
        }
    });

    tokio::select! {
        _ = send_task => {} //~ join_handle_dropped_by_race
        _ = receive_task => {} //~ join_handle_dropped_by_race
    }
    let _ = state.tx.send("someone left".to_string());
}

// Only the by-value branch is reported; the borrowed one is the author's to abort.
pub async fn proxy(client: Conn, upstream: Conn) {
    let (cr, cw) = client.into_split();
    let (ur, uw) = upstream.into_split();
    let mut up = tokio::spawn(copy(cr, uw));
    let down = tokio::task::spawn(copy(ur, cw));
    tokio::select! {
        res = &mut up => log_end("up", res),
        res = down => { //~ join_handle_dropped_by_race
            log_end("down", res);
            up.abort();
        }
    }
}

// The spawn call written straight into the branch.
pub async fn serve_with_heartbeat(conn: Conn, hb: Heartbeat) -> Result<(), Error> {
    tokio::select! {
        res = tokio::spawn(hb.run()) => res?, //~ join_handle_dropped_by_race
        res = conn.serve() => res?,
    }
    Ok(())
}
