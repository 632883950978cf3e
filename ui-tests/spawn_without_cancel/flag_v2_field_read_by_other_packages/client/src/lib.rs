use tokio::task::JoinHandle;

pub struct Client {
    pub heartbeat: JoinHandle<()>,
}

impl Client {
    // Flagged: only `admin` reads a `heartbeat` field, and it cannot use
    // this crate's types.
    pub fn connect() -> Client {
        let heartbeat = tokio::spawn(async move { //~ spawn_without_cancel
            loop {
                ping().await;
            }
        });
        Client { heartbeat }
    }
}

pub struct Pool {
    pub refill: JoinHandle<()>,
}

impl Pool {
    // Near miss: `app` depends on this crate and aborts the field.
    pub fn start() -> Pool {
        let refill = tokio::spawn(async move {
            loop {
                ping().await;
            }
        });
        Pool { refill }
    }
}

async fn ping() {}
