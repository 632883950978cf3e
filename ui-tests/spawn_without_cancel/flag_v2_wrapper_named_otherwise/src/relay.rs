// Calls the crate's re-exports by their new names: neither names a task
// or a wrapper, and this file never says `spawn`.
use crate::probe::{probe_forever, probe_once};
use crate::{background, launch};

pub fn relay(target: String) -> tokio::task::JoinHandle<()> {
    background(probe_forever(target.clone())); //~ spawn_without_cancel
    // Near misses: the task ends, or the handle is handed back.
    background(probe_once(target.clone()));
    launch(probe_forever(target))
}
