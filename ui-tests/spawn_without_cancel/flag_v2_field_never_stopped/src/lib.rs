// The heartbeat handle is stored in a field of `Client`; nothing in the
// crate reads the field to abort it, so dropping the client detaches a task
// that loops forever.
mod client;
mod heartbeat;

pub use client::Client;
