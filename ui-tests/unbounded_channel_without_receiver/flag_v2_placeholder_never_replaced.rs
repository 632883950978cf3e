// Near misses of a placeholder: the field is never replaced, another field
// is, or the sender is kept in a local while another struct's field of the
// same name is assigned elsewhere.
use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};

pub struct Producer {
    events: UnboundedSender<u64>,
    other: UnboundedSender<u64>,
}

impl Producer {
    pub fn new() -> Self {
        let (events, _) = unbounded_channel(); //~ unbounded_channel_without_receiver
        let (other, _) = unbounded_channel(); //~ unbounded_channel_without_receiver
        Self { events, other: other.clone() }
    }

    pub fn reset(&mut self) {
        let (tx, _rx) = unbounded_channel::<u64>(); //~ unbounded_channel_without_receiver
        drop(tx);
    }

    pub fn send(&self, v: u64) {
        let _ = self.events.send(v);
        let _ = self.other.send(v);
    }
}
