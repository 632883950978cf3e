use std::sync::Arc;

use crate::grpc::Client;
use crate::http;
use crate::http::Client as HttpClient;

pub fn warm_grpc(endpoint: &str) {
    // Flagged: `Client` is `crate::grpc::Client` here.
    let c = Client::new(endpoint);
    tokio::spawn(async move { c.keep_warm().await }); //~ spawn_without_cancel
}

pub fn warm_grpc_by_path(endpoint: &str) {
    // Flagged: the path names the gRPC client.
    let c = Arc::new(crate::grpc::Client::new(endpoint));
    let c2 = c.clone();
    tokio::spawn(async move { c2.keep_warm().await }); //~ spawn_without_cancel
}

pub fn warm_shared(c: Arc<Client>) {
    // Flagged: the parameter's type is the gRPC client.
    tokio::spawn(async move { c.keep_warm().await }); //~ spawn_without_cancel
}

pub fn warm_http(endpoint: &str) {
    // Not flagged: `http::Client`, whose warm-up ends.
    let c = http::Client::new(endpoint);
    tokio::spawn(async move { c.keep_warm().await });
}

pub fn warm_http_renamed(endpoint: &str) {
    // Not flagged: `HttpClient` is `crate::http::Client`.
    let c = HttpClient::new(endpoint);
    tokio::spawn(async move { c.keep_warm().await });
}
