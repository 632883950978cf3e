pub mod api;
pub mod probe;
pub mod rpc;
pub mod status;
pub mod sync;
