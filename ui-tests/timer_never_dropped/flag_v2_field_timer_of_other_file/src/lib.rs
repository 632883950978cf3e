// A timer kept in a struct field, made by the struct's constructor in
// another file (`workers.rs`) and polled there by the endless loop of a
// method taking `self`: pinned when a task that runs that method is
// detached, wherever the spawn is. Not when the loop observes cancellation,
// when the task's handle is kept and aborted, nor when only `main` starts
// the task (it lives as long as the process).
mod workers;

use tokio_util::sync::CancellationToken;
use workers::{Heartbeat, Sampler, Watchdog};

pub fn connect(peer: String) {
    let hb = Heartbeat::new(peer);
    tokio::spawn(async move { hb.run().await }); //~ spawn_without_cancel
}

pub fn guard(token: CancellationToken) {
    tokio::spawn(Watchdog::new(token).run());
}

pub struct Service {
    sampler: tokio::task::JoinHandle<()>,
}

impl Service {
    pub fn start() -> Service {
        Service {
            sampler: tokio::spawn(Sampler::new().run()),
        }
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        self.sampler.abort();
    }
}
