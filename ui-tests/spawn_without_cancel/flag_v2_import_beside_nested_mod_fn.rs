// A name imported into a module means the import, not a fn of the same
// name in a module nested in it: `drain` below is `crate::queue::drain`
// (another file, which ends), not `inner::drain`, which loops forever.
use std::time::Duration;

use crate::queue::drain;

async fn pump() {
    loop {
        tokio::time::sleep(Duration::from_millis(250)).await;
        tracing::trace!("pump");
    }
}

pub fn start_pump() {
    // Flagged: the module's own `pump` loops forever.
    tokio::spawn(pump()); //~ spawn_without_cancel
}

pub fn start_drain() {
    // Not flagged: the imported `drain`, not `inner::drain`.
    tokio::spawn(drain());
}

pub mod inner {
    use std::time::Duration;

    pub async fn pump() {
        for _ in 0..10 {
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }

    pub async fn drain() {
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
            tracing::trace!("inner drain");
        }
    }

    pub fn start_local_pump() {
        // Not flagged: this module's `pump`, which ends.
        tokio::spawn(pump());
    }

    pub fn start_inner_drain() {
        // Flagged: this module's `drain`.
        tokio::spawn(drain()); //~ spawn_without_cancel
    }

    pub fn start_parent_pump() {
        // Flagged: the parent's `pump`.
        tokio::spawn(super::pump()); //~ spawn_without_cancel
    }
}
