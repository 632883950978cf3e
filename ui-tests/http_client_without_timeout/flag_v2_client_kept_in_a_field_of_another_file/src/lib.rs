// Clients made in one file and kept in a struct field: the requests made
// through the field, in other files, decide.
mod api;
mod clients;
mod handlers;

pub use clients::{blockprint, mirror, peer, registry};
