mod config;

use common::{grpc, http};

async fn reload_shared() {
    // Near miss: the shared package's `Config::load`, which does not wait.
    let _shared = common::settings::Config::load();
}

async fn reload_own() {
    let _own = config::Config::load(); //~ blocking_call_in_async
}

/// Called per tenant by a handler elsewhere: not for the life of the process.
pub fn warm() {
    let g = grpc::Client::new();
    tokio::spawn(async move { g.keep_warm().await }); //~ spawn_without_cancel
    // Near miss: the HTTP client's loop stops with its token.
    let h = http::Client::new();
    tokio::spawn(async move { h.keep_warm().await });
}

fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.spawn(reload_shared());
    rt.spawn(reload_own());
}
