//! A bus that fans order events out to subscribers.
use tokio::sync::mpsc;

#[derive(Debug, Clone)]
pub enum Event {
    OrderPlaced { id: u64 },
    OrderShipped { id: u64 },
}

pub struct EventBus {
    tx: mpsc::UnboundedSender<Event>,
}

impl EventBus {
    /// The receiver is parked in `_rx` and never read: every `publish`
    /// succeeds and the queue grows until the process runs out of memory.
    pub fn new() -> EventBus {
        let (tx, _rx) = mpsc::unbounded_channel();
        EventBus { tx }
    }

    pub fn publish(&self, event: Event) {
        let _ = self.tx.send(event);
    }
}
