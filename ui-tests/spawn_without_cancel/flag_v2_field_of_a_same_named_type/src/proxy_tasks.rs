use crate::proxy::Proxy;

impl Proxy {
    pub fn start(self: std::sync::Arc<Self>) {
        let this = self.clone();
        tokio::spawn(async move { this.backend.keep_warm().await }); //~ spawn_without_cancel
        // Near miss: the HTTP client's `keep_warm` ends.
        tokio::spawn(async move { self.health.keep_warm().await });
    }

    /// Each request (re)starts the health client's keep-alive.
    pub async fn on_request(&self) {
        self.health.start_keepalive();
    }
}
