// A constructor re-exported by an inline module of the crate root and
// called by its `crate::` path is the re-exported one.
mod util {
    pub use crossbeam_channel::unbounded;

    pub fn bounded_queue() {}
}

pub fn events() -> crossbeam_channel::Sender<u8> {
    let (tx, _rx) = crate::util::unbounded(); //~ unbounded_channel_without_receiver
    tx
}

pub fn plain_path() -> crossbeam_channel::Sender<u8> {
    let (tx, _rx) = util::unbounded(); //~ unbounded_channel_without_receiver
    tx
}

// Near-miss: the crate's own fn of that module.
pub fn own() {
    crate::util::bounded_queue();
}
