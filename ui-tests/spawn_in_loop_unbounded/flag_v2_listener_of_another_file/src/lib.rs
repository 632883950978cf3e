//! Accept loops on listeners that fns of other files make.

pub mod admin;
pub mod net;
pub mod server;
