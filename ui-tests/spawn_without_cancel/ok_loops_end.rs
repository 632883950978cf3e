// Loops that end: a source that closes, a break, a return or a `?`.
use tokio::sync::mpsc;

pub fn consumers(mut rx: mpsc::Receiver<Job>, mut events: EventStream) {
    tokio::spawn(async move {
        while let Some(job) = rx.recv().await {
            job.run().await;
        }
    });
    tokio::spawn(async move {
        while let Some(ev) = events.next().await {
            handle(ev);
        }
    });
    tokio::spawn(async move {
        for i in 0.. {
            step(i).await;
        }
    });
}

pub fn exits(mut rx: mpsc::Receiver<Job>, conn: Conn) {
    tokio::spawn(async move {
        loop {
            match rx.recv().await {
                Some(job) => job.run().await,
                None => break,
            }
        }
    });
    tokio::spawn(async move {
        loop {
            let frame = conn.read_frame().await?;
            handle(frame);
        }
        #[allow(unreachable_code)]
        Ok::<(), Error>(())
    });
    tokio::spawn(async move {
        loop {
            if conn.is_closed() {
                return;
            }
            conn.ping().await;
        }
    });
    tokio::spawn(async move {
        'outer: loop {
            loop {
                if conn.done().await {
                    break 'outer;
                }
            }
        }
    });
    tokio::spawn(async move {
        loop {
            tokio::select! {
                msg = conn.next() => handle(msg),
                _ = conn.idle() => break,
            }
        }
    });
    tokio::spawn(async move {
        loop {
            let Some(msg) = conn.next_message().await else { break };
            handle(msg);
        }
    });
}
