use super::*;

pub fn bounded() {
    // The root's import is tokio's bounded `channel`.
    let (tx, _rx) = channel::<u8>(16);
    drop(tx);
}

pub fn roots_own_fn() {
    // The root's own fn, not tokio's.
    let (tx, _rx) = unbounded_channel::<u8>();
    drop(tx);
}
