use tokio::task::JoinHandle;

/// Nothing stops its task: dropping the client detaches it.
pub struct Client {
    heartbeat: Option<JoinHandle<()>>,
}

impl Client {
    pub fn connect(addr: String) -> Self {
        let heartbeat = tokio::spawn(crate::keepalive::ping_forever(addr)); //~ spawn_without_cancel
        Client {
            heartbeat: Some(heartbeat),
        }
    }

    pub fn healthy(&self) -> bool {
        self.heartbeat.is_some()
    }
}
