// `super::super::util` is `crate::util`.
use super::super::util;

pub fn relative() -> crossbeam_channel::Sender<u32> {
    let (tx, _rx) = util::unbounded(); //~ unbounded_channel_without_receiver
    tx
}
