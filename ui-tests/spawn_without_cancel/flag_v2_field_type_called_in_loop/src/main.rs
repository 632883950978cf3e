// The same workers, reached in ways that are not once: `Cluster::start`
// through the field on every turn of a loop (each turn detaches another
// heartbeat), and `Collector::collect` on a receiver of unknown type that
// may be a collector (the crate cannot tell), in a loop.
mod cluster;
mod listener;
mod services;
mod stats;

use services::{Replica, Services};

#[tokio::main]
async fn main() {
    let services = Services::new();
    let replica = Replica { cluster: std::sync::Arc::new(listener::Listener) };
    replica.cluster.start().await;
    loop {
        services.cluster.start().await;
        let mut collector = make();
        collector.collect().await;
    }
}

fn make() -> stats::Collector {
    stats::Collector::default()
}
