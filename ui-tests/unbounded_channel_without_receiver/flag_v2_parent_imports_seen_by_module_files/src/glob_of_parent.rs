use super::*;

pub fn subscribe() -> UnboundedSender<Event> {
    // `unbounded_channel` is the root's import, seen through the glob.
    let (tx, _rx) = unbounded_channel();
    tx
}

pub fn through_module() -> mpsc::UnboundedSender<Event> {
    let (tx, _rx) = mpsc::unbounded_channel();
    tx
}
