pub mod atom;
pub mod rss;
mod rss_drop;
