// A bare call of a fn brought in by a `use` of a crate path is that fn,
// even when another module of the crate has a fn of the same name.
mod a;
mod b;

use crate::a::pump;
use crate::b::pump as drain_once;

pub fn start() {
    tokio::spawn(pump()); //~ spawn_without_cancel
}

pub fn start_in_block() {
    tokio::spawn(async move { pump().await }); //~ spawn_without_cancel
}

// Near miss: the other module's `pump`, renamed, ends.
pub fn drain() {
    tokio::spawn(drain_once());
}
