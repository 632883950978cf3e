use crate::prelude::queue;
use crate::util::unbounded;

pub mod audit;
pub mod prelude_glob;

pub fn imported() -> crossbeam_channel::Sender<u32> {
    let (tx, _rx) = unbounded(); //~ unbounded_channel_without_receiver
    tx
}

pub fn by_crate_path() -> crossbeam_channel::Sender<u32> {
    let (tx, _rx) = crate::util::unbounded(); //~ unbounded_channel_without_receiver
    tx
}

pub fn renamed() -> crossbeam_channel::Sender<u32> {
    let (tx, _rx) = queue(); //~ unbounded_channel_without_receiver
    tx
}

pub fn through_a_reexported_module() -> tokio::sync::mpsc::UnboundedSender<u32> {
    let (tx, _rx) = crate::util::mpsc::unbounded_channel(); //~ unbounded_channel_without_receiver
    tx
}

pub fn through_the_root() -> crossbeam_channel::Sender<u32> {
    let (tx, _rx) = crate::chan(); //~ unbounded_channel_without_receiver
    tx
}
