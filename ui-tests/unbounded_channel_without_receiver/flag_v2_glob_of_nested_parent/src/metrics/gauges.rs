use super::*;

pub fn gauge_sink() -> crossbeam_channel::Sender<u64> {
    let (tx, _rx) = unbounded(); //~ unbounded_channel_without_receiver
    tx
}

// Near miss: the receiver is read by the flusher thread.
pub fn gauge_flusher() -> crossbeam_channel::Sender<u64> {
    let (tx, rx) = unbounded();
    std::thread::spawn(move || {
        for value in rx.iter() {
            println!("{value}");
        }
    });
    tx
}
