use super::*;

pub fn span_sink() -> crossbeam_channel::Sender<u64> {
    let (tx, _keepalive) = unbounded(); //~ unbounded_channel_without_receiver
    tx
}
