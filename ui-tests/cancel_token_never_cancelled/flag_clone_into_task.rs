// A server hands a clone of its token to the accept task, waits for ctrl-c
// and exits without ever firing the token.
use std::time::Duration;

use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

pub async fn run_server(listener: TcpListener) -> std::io::Result<()> {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    let server_token = token.clone();
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = server_token.cancelled() => break,
                accepted = listener.accept() => {
                    if let Ok((socket, peer)) = accepted {
                        tracing::info!(%peer, "accepted");
                        drop(socket);
                    }
                }
            }
        }
    });
    tokio::signal::ctrl_c().await?;
    tracing::info!("shutting down, token cancelled: {}", token.is_cancelled());
    tokio::time::sleep(Duration::from_secs(1)).await;
    Ok(())
}

pub async fn clone_of_a_clone() {
    let shutdown = CancellationToken::new(); //~ cancel_token_never_cancelled
    let for_workers = shutdown.clone();
    for id in 0..4 {
        let worker_token = for_workers.clone();
        tokio::spawn(async move {
            worker_token.cancelled().await;
            println!("worker {id} stopped");
        });
    }
    shutdown.cancelled().await;
}

pub fn moved_into_thread() {
    let stop = CancellationToken::new(); //~ cancel_token_never_cancelled
    let seen = stop.clone();
    std::thread::spawn(move || {
        while !seen.is_cancelled() {
            std::thread::sleep(Duration::from_millis(50));
        }
    });
    println!("stop token: {stop:?}");
}
