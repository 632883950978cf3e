//! A bus that fans order events out to subscribers, with back-pressure.
use std::future::Future;

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

#[derive(Debug, Clone)]
pub enum Event {
    OrderPlaced { id: u64 },
    OrderShipped { id: u64 },
}

pub struct EventBus {
    tx: mpsc::Sender<Event>,
}

impl EventBus {
    /// A bounded channel and the consumer that reads it; the caller spawns
    /// the consumer where it can await it.
    pub fn new(token: CancellationToken) -> (EventBus, impl Future<Output = ()>) {
        let (tx, mut rx) = mpsc::channel(1024);
        let consumer = async move {
            loop {
                tokio::select! {
                    _ = token.cancelled() => break,
                    event = rx.recv() => match event {
                        Some(event) => dispatch(event).await,
                        None => break,
                    },
                }
            }
        };
        (EventBus { tx }, consumer)
    }

    /// Waits for room instead of queueing without bound.
    pub async fn publish(&self, event: Event) {
        let _ = self.tx.send(event).await;
    }
}

async fn dispatch(event: Event) {
    tracing::info!(?event, "event");
}
