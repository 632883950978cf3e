use tokio::task::JoinHandle;

pub struct Client {
    pub(crate) heartbeat: Option<JoinHandle<()>>,
}

impl Client {
    pub fn connect() -> Client {
        let mut client = Client { heartbeat: None };
        client.heartbeat = Some(tokio::spawn(crate::heartbeat::beat()));
        client
    }
}
