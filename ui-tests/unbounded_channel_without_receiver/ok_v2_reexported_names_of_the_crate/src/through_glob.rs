// A glob of a crate module whose `mpsc` is its own module.
use crate::chan::*;

pub fn own_module() -> crossbeam_channel::Sender<u32> {
    let (tx, _rx) = mpsc::unbounded_channel();
    tx
}
