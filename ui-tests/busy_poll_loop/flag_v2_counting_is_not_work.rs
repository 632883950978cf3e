// Counting the spins in a metric is not work: a loop that only bumps a
// counter between two empty polls still spins, as one that bumps an atomic.
use tokio::sync::mpsc::{self, error::TryRecvError};

pub struct Ack(u64);

pub async fn wait_first_ack(rx: &mut mpsc::Receiver<Ack>) -> Option<Ack> {
    while let Err(TryRecvError::Empty) = rx.try_recv() { //~ busy_poll_loop
        metrics::counter!("ack_wait_spins").increment(1);
    }
    rx.recv().await
}

pub async fn wait_first_ack_prometheus(rx: &mut mpsc::Receiver<Ack>, spins: &prometheus::IntCounter) -> Option<Ack> {
    while let Err(TryRecvError::Empty) = rx.try_recv() { //~ busy_poll_loop
        spins.inc();
    }
    rx.recv().await
}

// Near miss: the poll is a stop check and the loop's body is its work.
pub async fn pump(stop: &mut mpsc::Receiver<()>, queue: &Queue) {
    while let Err(TryRecvError::Empty) = stop.try_recv() {
        queue.flush_batch().await;
    }
}

pub struct Queue;
impl Queue {
    async fn flush_batch(&self) {}
}
