// A closure parameter named like the receiver is its own binding, but the
// receiver itself is read later: no finding.
use tokio::sync::mpsc::unbounded_channel;

pub fn serve(bus: &Bus) {
    let (tx, rx) = unbounded_channel::<Event>();
    bus.register(tx);
    bus.each(|rx: Event| rx.handle());
    tokio::spawn(drain(rx));
}
