use crate::grpc;

/// Start-up: the gRPC client's keep-alive runs for the life of the process.
pub async fn run() {
    let client = grpc::Client::new("grpc://upstream".into());
    client.start_keepalive();
    crate::api::serve().await;
}
