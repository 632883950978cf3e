pub use tokio::time::sleep;
