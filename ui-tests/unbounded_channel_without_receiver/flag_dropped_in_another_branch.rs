// A receiver handed on in one branch and dropped in another is read where
// it is not dropped: case 3 does not apply, in either order.
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver};

pub fn audit_then(audit: bool) {
    let (tx, rx) = unbounded_channel::<u32>();
    if audit {
        tokio::spawn(writer(rx));
    } else {
        drop(rx);
    }
    let _ = tx.send(1);
}

pub fn drop_then(audit: bool) {
    let (tx, rx) = unbounded_channel::<u32>();
    if !audit {
        drop(rx);
    } else {
        tokio::spawn(writer(rx));
    }
    let _ = tx.send(1);
}

pub enum Mode {
    Audit,
    Off,
}

pub fn by_match(mode: Mode) {
    let (tx, rx) = unbounded_channel::<u32>();
    match mode {
        Mode::Audit => {
            tokio::spawn(writer(rx));
        }
        Mode::Off => drop(rx),
    }
    let _ = tx.send(1);
}

// Near-miss: read on one path, then dropped on every path while the
// sender goes on sending.
pub fn read_then_dropped(peek: bool) {
    let (tx, mut rx) = unbounded_channel::<u32>(); //~ unbounded_channel_without_receiver
    if peek {
        let _ = rx.try_recv();
    }
    drop(rx);
    let _ = tx.send(1);
}

async fn writer(mut rx: UnboundedReceiver<u32>) {
    while rx.recv().await.is_some() {}
}
