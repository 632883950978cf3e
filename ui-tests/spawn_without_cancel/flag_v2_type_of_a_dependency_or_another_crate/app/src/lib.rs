pub mod client;
pub mod feed;
pub mod poll;
pub mod remote_jobs;
pub mod svc;
