//! Two types named `Worker` in two modules; `start.rs` imports each under
//! another name. A method is the one of the type the import names.
pub mod batch;
pub mod start;
pub mod stream;
