pub mod cache;
pub mod jobs;
pub mod metrics;
pub mod reporter;
pub mod store;
pub mod warmers;
