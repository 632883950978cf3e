use crate::grpc;
use crate::http;

/// Declared here, its methods are in `proxy_tasks.rs`.
pub struct Proxy {
    pub(crate) backend: grpc::Client,
    pub(crate) health: Box<http::Client>,
}
