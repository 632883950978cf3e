// The receiver is stored in a struct field that nothing in this file ever
// reads: the queue behind it grows forever.
use tokio::sync::mpsc::{self, UnboundedReceiver, UnboundedSender};

#[derive(Debug)]
pub enum Event {
    Started,
    Finished(u64),
}

/// An event bus whose receiving side was never wired to a consumer.
#[derive(Debug)]
pub struct EventBus {
    tx: UnboundedSender<Event>,
    rx: UnboundedReceiver<Event>,
}

impl EventBus {
    pub fn new() -> Self {
        let (tx, rx) = mpsc::unbounded_channel(); //~ unbounded_channel_without_receiver
        Self { tx, rx }
    }

    pub fn emit(&self, event: Event) {
        let _ = self.tx.send(event);
    }
}

pub struct Telemetry {
    outbox: flume::Sender<Span>,
    inbox: flume::Receiver<Span>,
    name: String,
}

impl Telemetry {
    pub fn named(name: &str) -> Telemetry {
        let (outbox, inbox) = flume::unbounded(); //~ unbounded_channel_without_receiver
        Telemetry {
            outbox,
            inbox: inbox,
            name: name.to_owned(),
        }
    }

    pub fn record(&self, span: Span) {
        tracing::trace!(service = %self.name, "span recorded");
        let _ = self.outbox.send(span);
    }
}
