//! An order-ingest service that slowly leaks: it rebuilds itself on every
//! configuration reload (SIGHUP), and every task a build starts runs until
//! the process is killed, so each reload adds another reporter, sweeper and
//! heartbeat, and graceful shutdown stops none of them.
mod cache;
mod events;
mod heartbeat;
mod metrics;
mod upload;

use std::sync::Arc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    loop {
        let config = Arc::new(config::load()?);
        let registry = metrics::Registry::new();
        let cache = Arc::new(cache::SessionCache::new(config.cache_capacity));

        metrics::start_reporter(registry.clone(), config.metrics_url.clone());
        cache::start_sweeper(cache.clone());
        heartbeat::start(config.clone());
        let bus = events::EventBus::new();

        let app = router(cache, bus, registry);
        let listener = tokio::net::TcpListener::bind(&config.listen).await?;
        let (stop, reload) = stop_or_reload();
        axum::serve(listener, app)
            .with_graceful_shutdown(stop)
            .await?;
        // The server has stopped, but the reporter, sweeper and heartbeat
        // tasks are still running: nothing can stop them, and a reload
        // starts three more.
        if !reload.is_set() {
            return Ok(());
        }
    }
}
