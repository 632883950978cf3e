// The same constructors written through imports, renames, groups, `self`
// and leading colons.
use std::sync::mpsc;
use tokio::sync::mpsc::unbounded_channel as event_channel;
use futures::channel::mpsc::{self as fmpsc};
use crossbeam_channel::{bounded, unbounded as job_queue};
use ::flume as fl;
use async_std::channel;

pub fn std_module_import(cache: &Cache) {
    // `mpsc` is std's here: `channel()` is unbounded.
    let (invalidate_tx, _invalidate_rx) = mpsc::channel(); //~ unbounded_channel_without_receiver
    cache.on_evict(invalidate_tx);
}

pub fn renamed_function(bus: &Bus) {
    let (tx, _) = event_channel::<Event>(); //~ unbounded_channel_without_receiver
    bus.register(tx);
}

pub fn module_self_rename(bus: &Bus) {
    let (tx, rx) = fmpsc::unbounded::<Event>(); //~ unbounded_channel_without_receiver
    bus.register_futures(tx);
}

pub fn grouped_rename(pool: &Pool) {
    let (small_tx, small_rx) = bounded(16);
    let (tx, _rx) = job_queue(); //~ unbounded_channel_without_receiver
    pool.submit_to(tx);
    pool.drain(small_rx, small_tx);
}

pub fn crate_alias(shipper: &Shipper) {
    let (tx, _rx) = fl::unbounded(); //~ unbounded_channel_without_receiver
    shipper.attach(tx);
}

pub fn module_import(shipper: &Shipper) {
    let (tx, _rx) = channel::unbounded(); //~ unbounded_channel_without_receiver
    shipper.attach(tx);
}

pub fn leading_colons(bus: &Bus) {
    let (tx, _) = ::tokio::sync::mpsc::unbounded_channel(); //~ unbounded_channel_without_receiver
    bus.register(tx);
}
