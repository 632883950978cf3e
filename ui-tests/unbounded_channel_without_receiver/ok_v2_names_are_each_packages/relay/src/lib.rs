// This package's root re-exports and imports tokio's unbounded channel;
// the other package's `crate::unbounded_channel` and `crate::private_queue`
// are not these.
pub use tokio::sync::mpsc::unbounded_channel;
use tokio::sync::mpsc::unbounded_channel as private_queue;

mod worker;

pub fn start() {
    let (tx, rx) = private_queue::<u8>();
    drop((tx, rx));
}
