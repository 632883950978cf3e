use std::time::Duration;

use common::task::{detach, spawn_named};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::pollers;

pub struct Session {
    token: CancellationToken,
    watcher: JoinHandle<()>,
}

impl Session {
    /// Each session starts tasks that outlive it.
    pub fn open() -> Session {
        spawn_named("refresh", pollers::refresh_upstream()); //~ spawn_without_cancel
        common::task::spawn_named("keepalive", async move { //~ spawn_without_cancel
            loop {
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
        });
        detach(pollers::refresh_upstream()); //~ spawn_without_cancel
        common::task::detach(pollers::report_metrics()); //~ spawn_without_cancel
        common::task::detach(async { //~ spawn_without_cancel
            loop {
                tracing::trace!("tick");
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        });

        common::rt::runtime().spawn(pollers::refresh_upstream()); //~ spawn_without_cancel

        // Near misses: a task that observes the session's token, a handle
        // kept and aborted on drop, a future run to its end.
        let token = CancellationToken::new();
        spawn_named("refresh-until", pollers::refresh_until(token.clone()));
        let watcher = common::task::spawn_tracked("watch", pollers::refresh_upstream());
        Session { token, watcher }
    }

    pub async fn serve(&self) {
        common::task::run_logged("refresh-inline", pollers::refresh_upstream()).await;
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.token.cancel();
        self.watcher.abort();
    }
}
