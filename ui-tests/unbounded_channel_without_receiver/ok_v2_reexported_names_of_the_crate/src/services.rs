pub fn local_wrapper() -> crossbeam_channel::Sender<u32> {
    let (tx, _rx) = crate::chan::unbounded();
    tx
}

pub fn reexported_wrapper() -> crossbeam_channel::Sender<u32> {
    let (tx, _rx) = crate::wrapped();
    tx
}

pub fn cfg_dependent() -> crossbeam_channel::Sender<u32> {
    let (tx, _rx) = crate::platform::channel(0);
    tx
}

// This file's own `unbounded` shadows the root's re-export.
fn unbounded() -> (crossbeam_channel::Sender<u32>, crossbeam_channel::Receiver<u32>) {
    crossbeam_channel::bounded(1)
}

pub fn own_fn() -> crossbeam_channel::Sender<u32> {
    let (tx, _rx) = unbounded();
    tx
}
