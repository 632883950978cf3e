// Near misses of `ok_v2_main_reaches_past_other_arity`: a `start()` on a
// receiver of unknown type that takes no arguments, as `Cluster::start`
// does, runs in a loop; it may be `Cluster::start`, so the heartbeat may be
// started again and again: reported.
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
        let cluster = services.cluster.clone();
        cluster.start().await;
        println!("{}", client.id);
    }
}
