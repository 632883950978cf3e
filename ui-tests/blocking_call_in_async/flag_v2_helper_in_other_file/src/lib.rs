// The async handler (api.rs) calls a sync helper of another module
// (storage.rs) that reads a file with std::fs.
pub mod api;
mod storage;
