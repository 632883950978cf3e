// A local wrapper named `unbounded`: bounded underneath.
pub fn unbounded<T>() -> (crossbeam_channel::Sender<T>, crossbeam_channel::Receiver<T>) {
    crossbeam_channel::bounded(256)
}

// The crate's own `mpsc`, not tokio's.
pub mod mpsc {
    pub fn unbounded_channel<T>() -> (crossbeam_channel::Sender<T>, crossbeam_channel::Receiver<T>) {
        crossbeam_channel::bounded(16)
    }
}
