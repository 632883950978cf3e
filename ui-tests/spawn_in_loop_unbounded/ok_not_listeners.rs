// `accept()` on things that are not socket listeners, JoinSets outside accept
// loops, and accept loops whose listener cannot be told.
use tokio::sync::mpsc;
use tokio::task::JoinSet;

/// h2: `accept()` yields the request streams of one connection, bounded by
/// its SETTINGS_MAX_CONCURRENT_STREAMS.
pub async fn serve_h2(socket: tokio::net::TcpStream) -> Result<(), h2::Error> {
    let mut connection = h2::server::handshake(socket).await?;
    while let Some(result) = connection.accept().await {
        let (request, respond) = result?;
        tokio::spawn(async move {
            crate::respond(request, respond).await;
        });
    }
    Ok(())
}

/// h3: the same, over QUIC.
pub async fn serve_h3(conn: quinn::Connection) -> anyhow::Result<()> {
    let mut h3_conn = h3::server::Connection::new(h3_quinn::Connection::new(conn)).await?;
    loop {
        match h3_conn.accept().await {
            Ok(Some(resolver)) => {
                tokio::spawn(async move {
                    let _ = crate::h3_request(resolver).await;
                });
            }
            Ok(None) => break,
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// A job queue's `accept()` is not a listener's.
pub async fn run_jobs(queue: crate::JobQueue) {
    while let Some(job) = queue.accept().await {
        tokio::spawn(job.run());
    }
}

/// A listener handed over by a helper: its type cannot be told.
pub async fn from_helper(config: crate::Config) -> std::io::Result<()> {
    let listener = crate::net::listen(&config).await?;
    while let Ok((socket, _)) = listener.accept().await {
        tokio::spawn(crate::handle_plain(socket));
    }
    Ok(())
}

/// A JoinSet fed by a channel: bounded by the sender, not an accept loop.
pub async fn fan_out(mut rx: mpsc::Receiver<crate::Job>) {
    let mut set = JoinSet::new();
    while let Some(job) = rx.recv().await {
        set.spawn(job.run());
    }
    while set.join_next().await.is_some() {}
}
