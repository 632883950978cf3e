// An independent reader's near-misses from RULES.md: bounded channels,
// receivers used anywhere after the `let`, pairs kept whole or returned.
use std::sync::mpsc;
use tokio::sync::mpsc as tokio_mpsc;

pub struct Worker {
    rx: tokio_mpsc::UnboundedReceiver<u8>,
}

impl Worker {
    pub async fn run(mut self) {
        while let Some(x) = self.rx.recv().await {
            let _ = x;
        }
    }
}

/// Bounded constructors.
pub fn bounded() {
    let (tx, _rx) = tokio_mpsc::channel::<u8>(16);
    let (tx2, _) = mpsc::sync_channel::<u8>(16);
    let (tx3, _rx3) = crossbeam_channel::bounded::<u8>(16);
    let (tx4, _) = flume::bounded::<u8>(16);
    tx.try_send(1).ok();
    tx2.send(1).ok();
    tx3.send(1).ok();
    tx4.send(1).ok();
}

/// Used: moved into a thread, a struct, a call, a return, a macro.
pub fn into_thread() {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for x in rx {
            println!("{x}");
        }
    });
    tx.send(1).unwrap();
}

pub fn into_struct() -> (tokio_mpsc::UnboundedSender<u8>, Worker) {
    let (tx, rx) = tokio_mpsc::unbounded_channel();
    (tx, Worker { rx })
}

pub fn as_argument() {
    let (tx, rx) = tokio_mpsc::unbounded_channel::<u8>();
    start_consumer(rx);
    tx.send(1).ok();
}

pub fn returned() -> tokio_mpsc::UnboundedReceiver<u8> {
    let (tx, rx) = tokio_mpsc::unbounded_channel();
    tokio::spawn(async move {
        tx.send(1).ok();
    });
    rx
}

pub fn in_select() {
    let (tx, mut rx) = tokio_mpsc::unbounded_channel::<u8>();
    tokio::spawn(async move {
        tokio::select! {
            Some(x) = rx.recv() => println!("{x}"),
        }
    });
    tx.send(1).ok();
}

pub fn in_match() {
    let (tx, rx) = mpsc::channel::<u8>();
    tx.send(1).unwrap();
    match rx.recv() {
        Ok(_) => {}
        Err(_) => {}
    }
}

pub fn shadowed() {
    let (tx, rx) = mpsc::channel::<u8>();
    let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
    tx.send(1).unwrap();
    share(rx);
}

/// Dropped after the last send.
pub fn dropped_last() {
    let (tx, rx) = crossbeam_channel::unbounded::<u8>();
    tx.send(5).unwrap();
    drop(rx);
}

/// Pairs kept whole, or returned directly.
pub fn whole() -> tokio_mpsc::UnboundedSender<u8> {
    let pair = tokio_mpsc::unbounded_channel::<u8>();
    pair.0
}

pub fn direct() -> (mpsc::Sender<u8>, mpsc::Receiver<u8>) {
    mpsc::channel()
}
