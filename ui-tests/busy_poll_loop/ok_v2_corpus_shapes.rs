// Shapes seen in popular crates that poll in a loop without spinning.
use std::io;
use std::sync::{Arc, Mutex, MutexGuard, TryLockError};
use std::task::{Context, Poll};
use tokio::sync::broadcast::error::TryRecvError;

pub struct State {
    pub step: u32,
    pub receiver: tokio::sync::broadcast::Receiver<u32>,
}

impl State {
    // A lagged broadcast receiver gets a message on its next poll; the loop
    // stops when the channel is empty.
    pub fn update_step(&mut self) {
        loop {
            match self.receiver.try_recv() {
                Ok(step) => self.step = step,
                Err(TryRecvError::Lagged(_)) => {}
                Err(TryRecvError::Closed) => panic!("sender dropped"),
                Err(TryRecvError::Empty) => break,
            }
        }
    }
}

pub struct Node {
    pub parent: Option<Arc<Node>>,
    pub inner: Mutex<u32>,
}

// On a busy lock, the path takes it with the blocking `lock()`: a wait.
pub fn lock_parent<'a>(node: &'a Node, parent: &'a Node) -> (MutexGuard<'a, u32>, MutexGuard<'a, u32>) {
    let mut locked_node = node.inner.lock().unwrap();
    loop {
        let locked_parent = match parent.inner.try_lock() {
            Ok(g) => g,
            Err(TryLockError::WouldBlock) => {
                drop(locked_node);
                let g = parent.inner.lock().unwrap();
                locked_node = node.inner.lock().unwrap();
                g
            }
            #[allow(clippy::unnecessary_literal_unwrap)]
            Err(TryLockError::Poisoned(err)) => Err(err).unwrap(),
        };
        if *locked_node > 0 {
            return (locked_node, locked_parent);
        }
    }
}

pub struct Transmitter {
    pub socket: tokio::net::UdpSocket,
    pub queue: Vec<Vec<u8>>,
}

impl Transmitter {
    // Hand-written poll code: `poll_send_ready` registers a wake-up and the
    // fn returns `Pending` when the socket is not ready.
    pub fn poll_transmit(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        loop {
            let Some(datagram) = self.queue.last() else {
                return Poll::Ready(Ok(()));
            };
            if self.socket.poll_send_ready(cx)?.is_pending() {
                return Poll::Pending;
            }
            match self.socket.try_send(datagram) {
                Ok(_) => {
                    self.queue.pop();
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
                Err(e) => return Poll::Ready(Err(e)),
            }
        }
    }
}

pub struct Decoder;

impl Decoder {
    pub fn decode_next(&mut self) -> Option<Vec<u8>> {
        None
    }
}

// A best-effort copy to a tap: the loop's work is decoding, and a full tap
// drops the frame.
pub fn decode_all(decoder: &mut Decoder, tap: &tokio::sync::mpsc::Sender<Vec<u8>>) -> usize {
    let mut n = 0;
    loop {
        let Some(frame) = decoder.decode_next() else {
            return n;
        };
        let _ = tap.try_send(frame);
        n += 1;
    }
}

pub struct Conn;

impl Conn {
    fn try_send(&mut self, _v: &io::Result<u32>) {}
    fn read_reply(&mut self) -> io::Result<u32> {
        Ok(0)
    }

    // A method of the type itself, not a channel's try_send.
    pub fn recv_response(&mut self) -> io::Result<u32> {
        loop {
            let result = self.read_reply();
            self.try_send(&result);
            if result.is_ok() {
                return result;
            }
        }
    }
}

// tokio's `else` runs when every branch is disabled; the flag stops the loop.
pub async fn collect(mut rx1: tokio::sync::mpsc::Receiver<u32>, mut rx2: tokio::sync::mpsc::Receiver<u32>) -> Vec<u32> {
    let mut rem = true;
    let mut msgs = vec![];
    while rem {
        tokio::select! {
            Some(x) = rx1.recv() => msgs.push(x),
            Some(y) = rx2.recv() => msgs.push(y),
            else => {
                rem = false;
            }
        }
    }
    msgs
}
