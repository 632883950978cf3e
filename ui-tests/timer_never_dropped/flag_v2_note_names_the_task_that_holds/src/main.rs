use std::sync::Arc;
use std::time::Duration;

#[tokio::main]
async fn main() {
    jwks::start_at_boot(Arc::new(jwks::Cache {
        every: Duration::from_secs(60),
    }));
}
