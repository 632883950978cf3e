// `use super::*;` at the top of a module file brings in its parent's
// names: a bare call resolves to the parent's fn even where another
// module has a fn of the same name.
pub mod net;
pub mod worker;

use std::time::Duration;

pub async fn heartbeat() {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        ping();
    }
}

pub async fn drain(token: tokio_util::sync::CancellationToken) {
    token.cancelled().await;
}

pub fn ping() {}
