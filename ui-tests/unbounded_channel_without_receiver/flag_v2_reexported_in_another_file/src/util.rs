pub use crossbeam_channel::unbounded;
pub use tokio::sync::mpsc;
