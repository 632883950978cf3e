// Sync helpers that sleep, called from async code under the names that
// re-exports give them: at the library root, in a module, and through an
// import of the module's re-export. More files say `async` than make a
// blocking call, so leaklint looks for the helpers by name first.
pub mod api;
pub mod dial;
pub mod probe;
pub mod redial;
pub mod status;
mod util;

pub use util::pause as linger;
pub use util::checksum as digest;
