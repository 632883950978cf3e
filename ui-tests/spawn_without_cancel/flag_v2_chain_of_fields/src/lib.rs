// A method called through two fields (`self.inner.prober.run()`): each
// hop's type is the one its struct declares, here in other files.
mod balancer;
mod prober;

use std::sync::Arc;

use balancer::Balancer;

impl Balancer {
    pub fn start(self: Arc<Self>) {
        tokio::spawn(async move { self.inner.prober.probe_forever().await }); //~ spawn_without_cancel
    }

    pub fn start_cloned(&self) {
        let inner = self.inner.clone();
        tokio::spawn(async move { inner.prober.probe_forever().await }); //~ spawn_without_cancel
    }

    pub fn start_from_a_copy(self: &Arc<Self>) {
        let this = Arc::clone(self);
        tokio::spawn(async move { this.inner.prober.probe_forever().await }); //~ spawn_without_cancel
    }

    // Near miss: this prober's loop observes its token.
    pub fn start_quiet(&self) {
        let inner = self.inner.clone();
        tokio::spawn(async move { inner.quiet.probe_until_cancelled().await });
    }

    // Near miss: `Inner` has no field `spare`; the receiver is unknown.
    pub fn start_spare(&self) {
        let inner = self.inner.clone();
        tokio::spawn(async move { inner.spare.probe_forever().await });
    }

    // Near miss: two structs named `Shard` type `prober` differently; which
    // one `backup` is cannot be told by its name.
    pub fn start_backup(self: Arc<Self>) {
        tokio::spawn(async move { self.backup.prober.probe_forever().await });
    }
}
