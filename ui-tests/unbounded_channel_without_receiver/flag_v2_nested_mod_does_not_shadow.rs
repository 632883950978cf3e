// A fn of a nested module does not shadow its parent's import: the bare
// `unbounded()` below is crossbeam's channel, and its receiver is never read.
use crossbeam_channel::unbounded;

mod queue {
    pub fn unbounded() -> (u8, u8) {
        (0, 0)
    }
}

pub fn start(pool: &Pool) {
    let (tx, rx) = unbounded::<Job>(); //~ unbounded_channel_without_receiver
    pool.attach(tx);
}

mod jobs {
    use super::*;

    pub fn start_nested(pool: &Pool) {
        let (tx, rx) = unbounded::<Job>(); //~ unbounded_channel_without_receiver
        pool.attach(tx);
    }
}
