// Two glob imports could each provide `unbounded`: leaklint cannot tell
// which one is meant and stays silent.
use crossbeam_channel::*;
use my_channels::*;

pub fn start(pool: &Pool) {
    let (tx, _rx) = unbounded();
    pool.submit_to(tx);
}
