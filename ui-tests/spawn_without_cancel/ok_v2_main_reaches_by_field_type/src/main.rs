// Process-lifetime workers reached from `main` through a struct's field
// (`services.cluster.start()`: the field's declared type says which
// `start`) and through `T::default()` (a `Collector`). The other `start`
// and `collect` calls of the crate, on another field's type and on std's
// iterators, are not calls of these: nothing here is reported.
mod cluster;
mod listener;
mod services;
mod stats;

use services::Services;

#[tokio::main]
async fn main() {
    let services = Services::new();
    services.cluster.start().await;
    let mut collector = stats::Collector::default();
    collector.collect().await;
    loop {
        services.listener.start().await;
        let names: Vec<String> = services.names.iter().cloned().collect();
        println!("{names:?}");
    }
}
