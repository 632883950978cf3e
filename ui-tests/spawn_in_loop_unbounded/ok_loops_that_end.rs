// Spawning loops bounded by their source, and spawns outside loops.
use tokio::sync::mpsc;
use tokio::net::TcpListener;

pub async fn dispatcher(mut rx: mpsc::Receiver<crate::Job>) {
    while let Some(job) = rx.recv().await {
        tokio::spawn(async move { job.run().await });
    }
}

pub async fn fixed_pool(workers: usize, queue: crate::Queue) {
    for id in 0..workers {
        let queue = queue.clone();
        tokio::spawn(async move { queue.work(id).await });
    }
}

pub async fn loop_with_break(mut rx: mpsc::Receiver<crate::Job>) {
    loop {
        let Some(job) = rx.recv().await else { break };
        tokio::spawn(job.run());
    }
}

pub async fn spawns_once(listener: TcpListener) {
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else { return };
            drop(socket);
        }
    });
}

pub async fn spawn_inside_the_task(listener: TcpListener) -> std::io::Result<()> {
    let (socket, _) = listener.accept().await?;
    tokio::spawn(async move {
        loop {
            if crate::read_frame(&socket).await.is_none() {
                break;
            }
        }
    });
    Ok(())
}

pub async fn per_connection_requests(listener: TcpListener) {
    while let Ok((socket, _)) = listener.accept().await {
        let mut conn = crate::Conn::new(socket);
        let _ = tokio::spawn(async move {
            // one task per connection is spawned above this loop's own spawns
            while let Some(req) = conn.next_request().await {
                tokio::spawn(req.respond());
            }
        })
        .await;
    }
}

pub fn local_spawn_fn(listener: std::net::TcpListener) {
    fn spawn<F: FnOnce()>(f: F) {
        f()
    }
    for stream in listener.incoming() {
        spawn(move || drop(stream));
    }
}

pub async fn accept_a_fixed_number(endpoint: quinn::Endpoint, expected: usize) {
    for _ in 0..expected {
        let conn = endpoint.accept().await.unwrap().await.unwrap();
        tokio::spawn(async move {
            while let Ok(stream) = conn.accept_uni().await {
                drop(stream);
            }
        });
    }
}
