// `futures::select!` with a `default` branch, whose future is built before
// the `select!` in the same turn (`let recv = sock.recv_from(..).fuse();
// pin_mut!(recv);`): building it waits for nothing, so the loop spins as
// it does with the future written in the branch.
use futures::FutureExt;

pub async fn read_datagrams(sock: tokio::net::UdpSocket) {
    let mut buf = [0u8; 1500];
    loop {
        let recv = sock.recv_from(&mut buf).fuse();
        futures::pin_mut!(recv);
        futures::select! { //~ busy_poll_loop
            res = recv => handle(res),
            default => {}
        }
    }
}

pub async fn read_boxed(sock: tokio::net::UdpSocket) {
    let mut buf = [0u8; 1500];
    loop {
        let mut recv = Box::pin(sock.recv_from(&mut buf)).fuse();
        futures::select! { //~ busy_poll_loop
            res = recv => handle(res),
            default => {}
        }
    }
}

pub async fn read_with_pause(sock: tokio::net::UdpSocket) {
    let mut buf = [0u8; 1500];
    loop {
        let recv = sock.recv_from(&mut buf).fuse();
        futures::pin_mut!(recv);
        futures::select! {
            res = recv => handle(res),
            // Near miss: the default path sleeps.
            default => tokio::time::sleep(std::time::Duration::from_millis(5)).await,
        }
    }
}

pub async fn read_awaited(sock: tokio::net::UdpSocket) {
    let mut buf = [0u8; 1500];
    loop {
        // Near miss: the datagram is awaited before the poll.
        let first = sock.recv_from(&mut buf).await;
        handle(first);
        let mut ticks = tick().fuse();
        futures::select! {
            _ = ticks => {}
            default => {}
        }
    }
}

// Near miss: sync code, where `recv_from` blocks.
pub fn read_blocking(sock: std::net::UdpSocket, rx: std::sync::mpsc::Receiver<u8>) {
    let mut buf = [0u8; 1500];
    loop {
        let _ = sock.recv_from(&mut buf);
        if let Ok(b) = rx.try_recv() {
            drop(b);
        }
    }
}

fn handle<T>(_res: T) {}

async fn tick() {}

// tokio's `select!` racing a future bound by name: once the channel is
// closed, `recv()` yields `None`, the branch is disabled and `else` runs
// at once, every turn.
pub async fn forward(rx: &mut tokio::sync::mpsc::Receiver<u32>) {
    loop {
        let next = rx.recv();
        tokio::select! { //~ busy_poll_loop
            Some(v) = next => handle(v),
            else => {}
        }
    }
}

// Near miss: the same, where the loop ends when the channel closes.
pub async fn forward_until_closed(rx: &mut tokio::sync::mpsc::Receiver<u32>) {
    loop {
        let next = rx.recv();
        tokio::select! {
            Some(v) = next => handle(v),
            else => break,
        }
    }
}
