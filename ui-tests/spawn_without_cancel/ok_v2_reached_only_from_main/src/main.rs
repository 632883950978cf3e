// The worker is started by `Services::start`, which only `main` calls,
// once: it lives as long as the process, which is not a leak.
mod services;

#[tokio::main]
async fn main() {
    let services = services::Services::start();
    services.wait().await;
}
