pub fn value() -> u32 {
    let (tx, _rx) = std::sync::mpsc::channel::<u32>();
    tx.send(7).ok();
    7
}
