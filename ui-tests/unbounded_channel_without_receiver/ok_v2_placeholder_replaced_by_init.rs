// A placeholder pair in a constructor: the sender goes into a field, and
// `init()` replaces that field with a channel whose receiver is read.
// Sends before `init()` fail on purpose (the send path reports it).
use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};

pub struct Consumer {
    offsets: UnboundedSender<u64>,
    acks: UnboundedSender<u64>,
}

impl Consumer {
    pub fn new() -> Self {
        let (offsets, _) = unbounded_channel();
        let (acks, _) = unbounded_channel();
        Self { offsets, acks }
    }

    pub fn init(&mut self) {
        let (offsets, mut rx) = unbounded_channel();
        self.offsets = offsets;
        tokio::spawn(async move { while let Some(_o) = rx.recv().await {} });
        let (acks, mut acks_rx) = unbounded_channel();
        let _old = std::mem::replace(&mut self.acks, acks);
        tokio::spawn(async move { while let Some(_a) = acks_rx.recv().await {} });
    }

    pub fn store(&self, offset: u64) {
        if self.offsets.send(offset).is_err() {
            eprintln!("offset not stored: has init() been called?");
        }
        let _ = self.acks.send(offset);
    }
}
