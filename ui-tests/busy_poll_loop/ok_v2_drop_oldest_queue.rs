// A bounded queue that drops its oldest entry when full: the send that
// finds the channel full takes one item off it, and the next turn's send
// finds that room. It retries once, it does not wait for a consumer.
use async_channel::{Receiver, Sender, TryRecvError, TrySendError};

pub struct HintSender {
    tx: Sender<u64>,
    rx: Receiver<u64>,
}

impl HintSender {
    pub fn send(&self, mut hint: u64) {
        loop {
            hint = match self.tx.try_send(hint) {
                Ok(_) => break,
                Err(TrySendError::Full(hint)) => hint,
                Err(TrySendError::Closed(_)) => unreachable!("we own both ends"),
            };
            if let Err(TryRecvError::Closed) = self.rx.try_recv() {
                unreachable!("we own both ends");
            }
        }
    }
}

pub fn push_latest(tx: &crossbeam_channel::Sender<Vec<u8>>, rx: &crossbeam_channel::Receiver<Vec<u8>>, mut frame: Vec<u8>) {
    while let Err(crossbeam_channel::TrySendError::Full(back)) = tx.try_send(frame) {
        frame = back;
        let _ = rx.try_recv();
    }
}
