// The only mention of `rx` after the channel is made is a closure's own
// parameter: the channel's receiver is never read.
use tokio::sync::mpsc::unbounded_channel;

pub fn serve(bus: &Bus) {
    let (tx, rx) = unbounded_channel::<Event>(); //~ unbounded_channel_without_receiver
    bus.register(tx);
    bus.each(|rx: Event| rx.handle());
}
