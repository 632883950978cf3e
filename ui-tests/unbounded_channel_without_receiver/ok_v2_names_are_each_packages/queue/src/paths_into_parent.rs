pub fn make() {
    let (tx, _rx) = crate::unbounded_channel::<u8>();
    drop(tx);
    let (tx, _rx) = super::private_queue::<u8>();
    drop(tx);
}
