// Workers that would be start-up code if `main` alone started them once.
// Each is started by code that runs many times instead, and its finding
// names the calls that show it: a task per connection, a handler that
// takes an extractor, an async fn handed by name to a router, a retry
// loop. `Metrics::start`, started once by `main`, stays silent.
mod api;
mod metrics;
mod pool;
mod server;

#[tokio::main]
async fn main() {
    let metrics = metrics::Metrics::start();
    let app = axum::Router::new()
        .route("/jobs", axum::routing::post(api::submit))
        .route("/health", axum::routing::get(api::health));
    tokio::spawn(async move { axum::serve(listener().await, app).await });
    server::serve(metrics).await;
}

async fn listener() -> tokio::net::TcpListener {
    tokio::net::TcpListener::bind("0.0.0.0:8080").await.unwrap()
}
