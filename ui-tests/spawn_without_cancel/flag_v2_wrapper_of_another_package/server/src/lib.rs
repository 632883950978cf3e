pub mod pollers;
pub mod session;
