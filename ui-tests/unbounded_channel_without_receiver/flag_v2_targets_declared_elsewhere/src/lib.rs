/// Production code: the receiver is kept and never read.
pub fn start_relay() -> tokio::sync::mpsc::UnboundedSender<Vec<u8>> {
    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel(); //~ unbounded_channel_without_receiver
    tx
}
