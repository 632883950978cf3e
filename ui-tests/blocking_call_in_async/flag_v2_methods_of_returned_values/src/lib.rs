// A command-line tool's library: `Endpoint`'s methods run on the main thread
// when every call that may be one of them is made there.
pub mod broker;
pub mod endpoint;
pub mod registry;
