use tokio::task::JoinHandle;

/// Near miss: the `Drop` that aborts its task is in another file, which
/// defines no `Cache` of its own.
pub struct Cache {
    pub(crate) refresher: JoinHandle<()>,
}

impl Cache {
    pub fn start(addr: String) -> Self {
        let refresher = tokio::spawn(crate::keepalive::ping_forever(addr));
        Cache { refresher }
    }
}
