/// A request handler: each request starts an HTTP client's keep-alive.
pub async fn handle(url: String) {
    let client = crate::http::Client::new(url);
    client.start_keepalive();
}

pub async fn serve() {}
