mod poll;

use std::path::PathBuf;
use std::time::Duration;

/// Detached: nothing stops the poller, and its interval is never dropped.
pub fn watch_config(path: PathBuf, every: Duration) {
    smol::spawn(poll::poll_mtime(path, every)).detach(); //~ spawn_without_cancel
}

/// Near miss: a smol `Task` kept by its owner cancels its future when dropped.
pub struct LockWatch {
    _task: smol::Task<()>,
}

pub fn watch_lockfile(path: PathBuf, every: Duration) -> LockWatch {
    LockWatch {
        _task: smol::spawn(poll::poll_lockfile(path, every)),
    }
}
