// Two structs named `Client` in two files keep their heartbeat task in a
// field of the same name. The `Drop` that aborts `grpc::Client`'s task
// stops nothing of `http::Client`'s: a read of the field in a file that
// defines its own `Client` is of that `Client`.
pub mod cache;
mod cleanup;
pub mod grpc;
pub mod http;
mod keepalive;
