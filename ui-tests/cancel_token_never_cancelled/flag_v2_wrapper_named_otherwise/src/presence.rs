use std::time::Duration;

use tokio_util::sync::CancellationToken;

use crate::background::detach;

async fn heartbeat(every: Duration, token: CancellationToken) {
    loop {
        tokio::select! {
            _ = token.cancelled() => break,
            _ = tokio::time::sleep(every) => tracing::trace!("beat"),
        }
    }
}

pub struct Presence {
    stop: CancellationToken,
}

impl Presence {
    pub fn start_forgotten(every: Duration) {
        let stop = CancellationToken::new(); //~ cancel_token_never_cancelled
        detach("heartbeat", heartbeat(every, stop.clone()));
    }

    /// Near-miss: the token is kept, and `shutdown` cancels it.
    pub fn start(every: Duration) -> Presence {
        let stop = CancellationToken::new();
        detach("heartbeat", heartbeat(every, stop.clone()));
        Presence { stop }
    }

    pub fn shutdown(&self) {
        self.stop.cancel();
    }
}
