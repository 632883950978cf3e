pub mod metrics;
pub mod server;
