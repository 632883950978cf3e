mod client;
mod pool;

pub use client::Client;
pub use pool::Pool;
