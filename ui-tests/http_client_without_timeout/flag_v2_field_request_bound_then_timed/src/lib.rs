pub mod api;
pub mod clients;
