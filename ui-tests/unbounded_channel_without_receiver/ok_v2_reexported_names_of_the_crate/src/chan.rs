// A local wrapper named `unbounded`: bounded underneath.
pub fn unbounded<T>() -> (crossbeam_channel::Sender<T>, crossbeam_channel::Receiver<T>) {
    crossbeam_channel::bounded(256)
}
