//! An order-ingest service that slowly leaks: every task it starts at boot
//! runs until the process is killed, whatever shutdown the runtime attempts.
mod cache;
mod events;
mod heartbeat;
mod metrics;
mod upload;

use std::sync::Arc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let config = Arc::new(config::load()?);
    let registry = metrics::Registry::new();
    let cache = Arc::new(cache::SessionCache::new(config.cache_capacity));

    metrics::start_reporter(registry.clone(), config.metrics_url.clone());
    cache::start_sweeper(cache.clone());
    heartbeat::start(config.clone());
    let bus = events::EventBus::new();

    let app = router(cache, bus, registry);
    let listener = tokio::net::TcpListener::bind(&config.listen).await?;
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    // Graceful shutdown returns here, but the reporter, sweeper and
    // heartbeat tasks are still running: nothing can stop them.
    Ok(())
}

async fn shutdown_signal() {
    let _ = tokio::signal::ctrl_c().await;
}
