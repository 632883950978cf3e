// The heartbeat handle is stored in a field of `Client`, and `Drop for
// Client` (in another file) aborts it: nothing to report.
mod client;
mod heartbeat;
mod shutdown;

pub use client::Client;
