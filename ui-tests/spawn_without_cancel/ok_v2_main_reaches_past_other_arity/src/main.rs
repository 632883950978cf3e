// A process-lifetime worker reached from `main` through a field
// (`services.cluster.start()`). The crate's other `start` calls run in a
// loop, but none can be `Cluster::start`: one passes three arguments where
// it takes none, the other is on a `Self { … }` of another type. Nothing
// here is reported.
mod client;
mod cluster;
mod recordings;
mod services;

use services::Services;

#[tokio::main]
async fn main() {
    let services = Services::new();
    services.cluster.start().await;
    let mut id = 0;
    loop {
        id += 1;
        let recording = services.recordings.lock().await.start(id, None, 0).await;
        let client = client::RemoteClient::new(recording);
        println!("{}", client.id);
    }
}
