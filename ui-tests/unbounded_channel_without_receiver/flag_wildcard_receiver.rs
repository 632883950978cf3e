// The receiver half is thrown away with `_`: it is dropped at once, every
// send fails, and the events behind it are silently lost.
use std::sync::Arc;

use tokio::sync::mpsc;

#[derive(Debug, Clone)]
pub enum BusEvent {
    UserCreated { id: u64 },
    UserDeleted { id: u64 },
}

pub struct EventBus {
    sender: mpsc::UnboundedSender<BusEvent>,
}

impl EventBus {
    pub fn new() -> Arc<Self> {
        let (sender, _) = mpsc::unbounded_channel(); //~ unbounded_channel_without_receiver
        Arc::new(EventBus { sender })
    }

    pub fn publish(&self, event: BusEvent) {
        // Always `Err(SendError)`: nobody holds the receiver.
        let _ = self.sender.send(event);
    }
}

pub fn start_audit_trail(store: AuditStore) {
    let (audit_tx, _): (mpsc::UnboundedSender<String>, mpsc::UnboundedReceiver<String>) =
        mpsc::unbounded_channel(); //~ unbounded_channel_without_receiver
    store.on_write(move |entry| {
        let _ = audit_tx.send(entry.to_string());
    });
}

pub fn job_queue() -> crossbeam_channel::Sender<Job> {
    let (jobs, _) = crossbeam_channel::unbounded::<Job>(); //~ unbounded_channel_without_receiver
    jobs
}
