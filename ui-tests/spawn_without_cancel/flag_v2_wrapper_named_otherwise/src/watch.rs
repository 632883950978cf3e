// This file never names a task-starting call itself: only the crate says
// that `bg::detach` starts one.
use std::time::Duration;

use crate::bg::detach as go;
use crate::{bg, probe};

pub fn arm(target: String) {
    bg::detach(async move { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
    bg::detach(probe::probe_forever(target.clone())); //~ spawn_without_cancel
    // Under another name.
    go(probe::probe_forever(target)); //~ spawn_without_cancel
}

pub fn near_misses(target: String) -> tokio::task::JoinHandle<()> {
    // The task ends.
    bg::detach(probe::probe_once(target.clone()));
    // `start` hands the handle back: its caller may abort it.
    bg::start(probe::probe_forever(target))
}
