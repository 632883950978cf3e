use fleet::db::start_reporter;
use fleet::pump::drain_forever;

/// The library's `pump::drain_forever`, named through its module, though
/// `feeds` has a fn of the same name.
pub fn spawn_drain() {
    tokio::spawn(async { drain_forever().await }); //~ spawn_without_cancel
}

#[tokio::main]
async fn main() {
    start_reporter();
}
