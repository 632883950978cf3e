use super::*;

#[test]
fn makes_a_queue() {
    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel::<u8>();
    drop(tx);
    let _ = channel::<u8>(1);
}
