// Near misses: `Client` of the crate `remote` is no type of app's, though
// app's own `Client::run` loops forever.

pub fn start_by_path() {
    let c = remote::Client::new();
    tokio::spawn(async move { c.run().await });
}

fn connect() -> remote::Client {
    remote::Client::new()
}

pub fn start_returned() {
    let c = connect();
    tokio::spawn(async move { c.run().await });
}

pub struct Session {
    client: remote::Client,
}

impl Session {
    pub fn keep(&self) {
        let client = self.client.clone();
        tokio::spawn(async move { client.run().await });
    }
}

// Hit: app's own client.
pub fn start_own() {
    let c = crate::client::Client::new();
    tokio::spawn(async move { c.run().await }); //~ spawn_without_cancel
}
