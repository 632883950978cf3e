//! Two types named `Client`, in two modules, each with a `keep_warm`: the
//! gRPC one pings forever, the HTTP one once. A call on a struct's field is
//! the method of the type the field is declared with, module and all.

mod gateway;
mod grpc;
mod http;
mod proxy;
mod proxy_tasks;

/// Declared here: its fields' calls are resolved with this file.
struct Clients {
    grpc: std::sync::Arc<grpc::Client>,
    http: http::Client,
}

#[tokio::main]
async fn main() {
    // The gRPC keep-alive runs for the life of the process: only `main`
    // starts it.
    let clients = Clients {
        grpc: std::sync::Arc::new(grpc::Client::new("grpc://upstream".into())),
        http: http::Client::new("https://upstream".into()),
    };
    clients.grpc.start_keepalive();
    drop(clients.http);
    let gw = std::sync::Arc::new(gateway::Gateway::connect());
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await.unwrap();
    loop {
        let (socket, _) = listener.accept().await.unwrap();
        gateway::serve(gw.clone(), socket).await;
    }
}
