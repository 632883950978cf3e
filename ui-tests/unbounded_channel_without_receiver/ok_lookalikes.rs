// Calls that only look like unbounded constructors.
mod util {
    pub fn unbounded<T>() -> (Vec<T>, Vec<T>) {
        (Vec::new(), Vec::new())
    }
}

use util::unbounded;

pub fn local_helper() {
    let (tx, _rx) = unbounded::<u8>();
    drop(tx);
}

pub fn tokio_mpsc_channel_is_bounded() {
    use tokio::sync::mpsc;
    let (tx, _rx) = mpsc::channel::<u8>(8);
    drop(tx);
}

pub fn unknown_crate(bus: &Bus) {
    let (tx, _rx) = my_bus::unbounded_channel();
    bus.attach(tx);
}

pub fn method_named_unbounded(factory: &Factory, bus: &Bus) {
    let (tx, _rx) = factory.unbounded();
    bus.attach(tx);
}
