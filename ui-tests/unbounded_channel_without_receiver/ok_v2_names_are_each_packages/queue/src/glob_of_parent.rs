use super::*;

pub fn make() {
    let (tx, _rx) = unbounded_channel::<u8>();
    drop(tx);
    let (tx, _rx) = private_queue::<u8>();
    drop(tx);
}
