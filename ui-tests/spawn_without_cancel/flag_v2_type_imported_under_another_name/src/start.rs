use crate::batch::Worker as Batch;
use crate::stream::StreamWorker as Worker;

// `Worker` is the streaming worker here: its `run` never ends.
pub fn start_stream(queue: String) {
    let w = Worker::new(queue);
    tokio::spawn(w.run()); //~ spawn_without_cancel
}

pub fn start_stream_typed(queue: String) {
    let w: Worker = Worker { queue };
    tokio::spawn(async move { w.run().await }); //~ spawn_without_cancel
}

// Near misses: `Batch` is the batch worker, whose `run` ends, not
// `stream::Batch`, whose `run` loops.
pub fn start_batch(queue: String) {
    let b = Batch::new(queue);
    tokio::spawn(b.run());
}

pub fn start_batch_literal(queue: String) {
    let b = Batch { queue };
    tokio::spawn(async move { b.run().await });
}
