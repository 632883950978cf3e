// The async handler (api.rs) calls a sync helper of another module
// (storage.rs) that waits for a child process with std::process.
pub mod api;
mod storage;
