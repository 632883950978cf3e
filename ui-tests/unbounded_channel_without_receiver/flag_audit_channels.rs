// An independent reader's scenarios from RULES.md: unbounded channels whose
// receiver is `_`, never used after the `let`, or dropped while the sender
// still sends.
use crossbeam_channel::unbounded;
use futures::channel::mpsc::unbounded as futures_unbounded;
use std::sync::mpsc::{self, Receiver, Sender};
use tokio::sync::mpsc as tokio_mpsc;
use tokio::sync::mpsc::unbounded_channel;

pub enum Event {
    Tick,
}

/// Case 1: the receiver is `_`.
pub fn wildcard() {
    let (tx, _) = mpsc::channel::<u32>(); //~ unbounded_channel_without_receiver
    tx.send(1).unwrap();
}

pub async fn wildcard_async() {
    let (events, _) = tokio_mpsc::unbounded_channel::<String>(); //~ unbounded_channel_without_receiver
    events.send("started".into()).unwrap();
}

/// Case 2: `_rx` keeps the receiver alive.
pub fn underscore() -> tokio_mpsc::UnboundedSender<Event> {
    let (tx, _rx) = tokio_mpsc::unbounded_channel(); //~ unbounded_channel_without_receiver
    tx
}

/// Case 2: a receiver bound and never used, typed or not.
pub fn unused() {
    let (tx, rx) = unbounded_channel::<String>(); //~ unbounded_channel_without_receiver
    std::thread::spawn(move || {
        tx.send("x".into()).unwrap();
    });
}

pub fn typed() {
    let (tx, rx): (Sender<u8>, Receiver<u8>) = mpsc::channel(); //~ unbounded_channel_without_receiver
    tx.send(1).unwrap();
}

pub fn typed_mut() {
    let (events_tx, mut events_rx): (
        tokio_mpsc::UnboundedSender<u8>,
        tokio_mpsc::UnboundedReceiver<u8>,
    ) = tokio_mpsc::unbounded_channel(); //~ unbounded_channel_without_receiver
    events_tx.send(1).unwrap();
}

/// Case 3: dropped, then the sender is still used.
pub fn dropped() {
    let (tx, rx) = unbounded(); //~ unbounded_channel_without_receiver
    drop(rx);
    tx.send(5).unwrap();
}

pub fn dropped_then_moved() {
    let (tx, rx) = tokio_mpsc::unbounded_channel::<u8>(); //~ unbounded_channel_without_receiver
    drop(rx);
    tokio::spawn(async move {
        tx.send(1).ok();
    });
}

/// Every listed constructor.
pub fn every_crate() {
    let (mut a, _rx) = futures_unbounded::<u8>(); //~ unbounded_channel_without_receiver
    a.unbounded_send(1).unwrap();
    let (b, _) = flume::unbounded::<u8>(); //~ unbounded_channel_without_receiver
    let (c, _c_rx) = async_channel::unbounded::<u8>(); //~ unbounded_channel_without_receiver
    let (d, d_rx) = kanal::unbounded_async::<u8>(); //~ unbounded_channel_without_receiver
    let (e, _) = async_std::channel::unbounded::<u8>(); //~ unbounded_channel_without_receiver
    let (f, _) = crossbeam::channel::unbounded::<u8>(); //~ unbounded_channel_without_receiver
    let (g, _) = kanal::unbounded::<u8>(); //~ unbounded_channel_without_receiver
    let (h, _) = futures_channel::mpsc::unbounded::<u8>(); //~ unbounded_channel_without_receiver
    keep((b, c, d, e, f, g, h));
}

/// In a constructor of an impl.
pub struct Pool;

impl Pool {
    pub fn new() -> Self {
        let (tx, _rx) = mpsc::channel::<u8>(); //~ unbounded_channel_without_receiver
        std::thread::spawn(move || tx.send(1));
        Pool
    }
}
