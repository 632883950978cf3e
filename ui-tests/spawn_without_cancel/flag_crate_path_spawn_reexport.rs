// `crate::rt::spawn` where the crate root's `rt` re-exports tokio's spawn.
mod rt {
    pub use tokio::spawn;
}

pub fn start_heartbeat() {
    crate::rt::spawn(async { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    });
}
