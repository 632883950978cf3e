// Names brought in by a glob of a crate module that re-exports them.
use crate::util::*;

pub fn bare() -> crossbeam_channel::Sender<u32> {
    let (tx, _rx) = unbounded(); //~ unbounded_channel_without_receiver
    tx
}

pub fn through_a_module() -> tokio::sync::mpsc::UnboundedSender<u32> {
    let (tx, _rx) = mpsc::unbounded_channel(); //~ unbounded_channel_without_receiver
    tx
}
