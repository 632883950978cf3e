// Every unbounded constructor, each with a receiver nobody reads.
pub fn tokio_events(bus: &Bus) {
    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel::<Event>(); //~ unbounded_channel_without_receiver
    bus.register(tx);
}

pub fn futures_events(bus: &Bus) {
    let (tx, _rx) = futures::channel::mpsc::unbounded::<Event>(); //~ unbounded_channel_without_receiver
    bus.register_futures(tx);
}

pub fn futures_channel_events(bus: &Bus) {
    let (tx, _rx) = futures_channel::mpsc::unbounded::<Event>(); //~ unbounded_channel_without_receiver
    bus.register_futures(tx);
}

pub fn std_events(bus: &Bus) {
    let (tx, _rx) = std::sync::mpsc::channel::<Event>(); //~ unbounded_channel_without_receiver
    bus.register_std(tx);
}

pub fn crossbeam_channel_jobs(pool: &Pool) {
    let (tx, _rx) = crossbeam_channel::unbounded(); //~ unbounded_channel_without_receiver
    pool.submit_to(tx);
}

pub fn crossbeam_jobs(pool: &Pool) {
    let (tx, _rx) = crossbeam::channel::unbounded(); //~ unbounded_channel_without_receiver
    pool.submit_to(tx);
}

pub fn flume_logs(shipper: &Shipper) {
    let (tx, _rx) = flume::unbounded(); //~ unbounded_channel_without_receiver
    shipper.attach(tx);
}

pub fn async_channel_logs(shipper: &Shipper) {
    let (tx, _rx) = async_channel::unbounded(); //~ unbounded_channel_without_receiver
    shipper.attach(tx);
}

pub fn async_std_logs(shipper: &Shipper) {
    let (tx, _rx) = async_std::channel::unbounded(); //~ unbounded_channel_without_receiver
    shipper.attach(tx);
}

pub fn kanal_sync_jobs(pool: &Pool) {
    let (tx, _rx) = kanal::unbounded(); //~ unbounded_channel_without_receiver
    pool.submit_to(tx);
}

pub fn kanal_async_jobs(pool: &Pool) {
    let (tx, _rx) = kanal::unbounded_async(); //~ unbounded_channel_without_receiver
    pool.submit_to(tx);
}
