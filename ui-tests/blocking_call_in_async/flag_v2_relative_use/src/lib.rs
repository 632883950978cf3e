//! Sync helpers imported by a path that starts at a module declared here
//! (`use util::pause;` after `mod util;`, the 2018 edition's form).

mod util;
pub mod api;

use util::pause;
use util::{fetch_remote, sleep_quietly as nap};

pub async fn poll_upstream() {
    pause(); //~ blocking_call_in_async
    nap(); //~ blocking_call_in_async
}

pub async fn refresh() -> String {
    fetch_remote() //~ blocking_call_in_async
}

pub async fn through_glob() {
    use util::*;
    pause(); //~ blocking_call_in_async
}

pub async fn near_miss() {
    use util::quick;
    // `quick` does not block.
    quick();
}
