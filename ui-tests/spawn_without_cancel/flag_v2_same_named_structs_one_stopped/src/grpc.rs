use tokio::task::JoinHandle;

/// Near miss: its `Drop` aborts the task.
pub struct Client {
    heartbeat: Option<JoinHandle<()>>,
}

impl Client {
    pub fn connect(addr: String) -> Self {
        let heartbeat = tokio::spawn(crate::keepalive::ping_forever(addr));
        Client {
            heartbeat: Some(heartbeat),
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if let Some(h) = self.heartbeat.take() {
            h.abort();
        }
    }
}
