use tokio::task::JoinHandle;

pub struct Client {
    heartbeat: Option<JoinHandle<()>>,
}

impl Client {
    pub fn connect() -> Client {
        let mut client = Client { heartbeat: None };
        client.heartbeat = Some(tokio::spawn(crate::heartbeat::beat())); //~ spawn_without_cancel
        client
    }
}
