//! The same service with every background task stoppable: each build of
//! the service has a CancellationToken, cancelled when the server stops (on
//! shutdown or before a reload), and every handle is kept and awaited.
mod cache;
mod events;
mod heartbeat;
mod metrics;
mod upload;

use std::sync::Arc;

use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    loop {
        let config = Arc::new(config::load()?);
        let registry = metrics::Registry::new();
        let cache = Arc::new(cache::SessionCache::new(config.cache_capacity));
        let shutdown = CancellationToken::new();

        let mut tasks = JoinSet::new();
        tasks.spawn(metrics::run_reporter(
            registry.clone(),
            config.metrics_url.clone(),
            shutdown.child_token(),
        ));
        tasks.spawn(cache::run_sweeper(cache.clone(), shutdown.child_token()));
        tasks.spawn(heartbeat::run(config.clone(), shutdown.child_token()));
        let (bus, consumer) = events::EventBus::new(shutdown.child_token());
        tasks.spawn(consumer);

        let app = router(cache, bus, registry);
        let listener = tokio::net::TcpListener::bind(&config.listen).await?;
        let (stop, reload) = stop_or_reload();
        axum::serve(listener, app)
            .with_graceful_shutdown(stop)
            .await?;

        shutdown.cancel();
        while let Some(done) = tasks.join_next().await {
            done?;
        }
        if !reload.is_set() {
            return Ok(());
        }
    }
}
