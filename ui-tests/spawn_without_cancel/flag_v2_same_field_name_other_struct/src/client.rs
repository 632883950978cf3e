use tokio::task::JoinHandle;

/// Nothing aborts a `Client`'s heartbeat: dropping the client detaches it.
pub struct Client {
    heartbeat: JoinHandle<()>,
}

impl Client {
    pub fn connect() -> Client {
        let heartbeat = tokio::spawn(async move { //~ spawn_without_cancel
            loop {
                ping().await;
            }
        });
        Client { heartbeat }
    }
}

async fn ping() {}
