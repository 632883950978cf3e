// Bounded channels: a missing reader makes senders wait or fail, which is
// noticed. None of these is flagged, even with the receiver unused.
use std::sync::mpsc::sync_channel;
use tokio::sync::mpsc;
use futures::channel::mpsc as fmpsc;

pub fn tokio_bounded(bus: &Bus) {
    let (tx, _rx) = mpsc::channel::<Event>(1024);
    bus.register(tx);
}

pub fn tokio_bounded_full_path(bus: &Bus) {
    let (tx, _) = tokio::sync::mpsc::channel(8);
    bus.register(tx);
}

pub fn std_sync_channel(cache: &Cache) {
    let (tx, _rx) = sync_channel(64);
    cache.on_evict(tx);
}

pub fn futures_bounded(bus: &Bus) {
    let (tx, _rx) = fmpsc::channel(16);
    bus.register_futures(tx);
}

pub fn crossbeam_bounded(pool: &Pool) {
    let (tx, _rx) = crossbeam_channel::bounded(100);
    pool.submit_to(tx);
}

pub fn flume_bounded(shipper: &Shipper) {
    let (tx, _) = flume::bounded(256);
    shipper.attach(tx);
}

pub fn async_channel_bounded(shipper: &Shipper) {
    let (tx, _rx) = async_channel::bounded(32);
    shipper.attach(tx);
}

pub fn kanal_bounded(pool: &Pool) {
    let (tx, _rx) = kanal::bounded_async(10);
    pool.submit_to(tx);
}

pub fn broadcast_and_watch(bus: &Bus) {
    let (tx, _rx) = tokio::sync::broadcast::channel(16);
    let (state_tx, _) = tokio::sync::watch::channel(State::default());
    bus.register_broadcast(tx, state_tx);
}
