//! Which fn a call names is read through the `use` items of its module.
pub mod db;
pub mod feeds;
pub mod pump;
pub mod report;

/// A nested module does not see its parent's items: `flush` here is the
/// sink crate's, not `pump::flush`.
pub mod exporter {
    use statsd_sink::flush;

    pub fn start() {
        tokio::spawn(async move { flush().await });
    }
}
