// v2: a spawn wrapper's argument may be a block that clones what the task
// needs and ends in the task's future (`spawn_in_span(span, { let seen =
// seen.clone(); async move { … } })`): the task body is the block's tail,
// as for a block handed to `tokio::spawn` itself. Near misses: a block whose
// task observes a cancellation token, and a block handed to a fn that
// awaits the future in place instead of spawning it.
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio_util::sync::CancellationToken;
use tracing::Instrument;

pub fn spawn_in_span<F>(span: tracing::Span, fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(fut.instrument(span));
}

pub async fn run_in_span<F>(span: tracing::Span, fut: F)
where
    F: Future<Output = ()>,
{
    fut.instrument(span).await;
}

#[derive(Clone, Default)]
pub struct Presence {
    seen: Arc<Mutex<HashMap<u64, Instant>>>,
}

impl Presence {
    pub fn start_sweeper(&self, ttl: Duration) {
        spawn_in_span(tracing::info_span!("presence-sweeper"), { //~ spawn_without_cancel
            let seen = self.seen.clone();
            async move {
                loop {
                    tokio::time::sleep(ttl / 4).await;
                    seen.lock().unwrap().retain(|_, t| t.elapsed() < ttl);
                }
            }
        });
    }

    pub fn start_sweeper_until(&self, ttl: Duration, shutdown: &CancellationToken) {
        spawn_in_span(tracing::info_span!("presence-sweeper"), {
            let seen = self.seen.clone();
            let shutdown = shutdown.clone();
            async move {
                loop {
                    tokio::select! {
                        _ = shutdown.cancelled() => break,
                        _ = tokio::time::sleep(ttl / 4) => {}
                    }
                    seen.lock().unwrap().retain(|_, t| t.elapsed() < ttl);
                }
            }
        });
    }

    pub async fn sweep_in_place(&self, ttl: Duration) {
        run_in_span(tracing::info_span!("presence-sweep"), {
            let seen = self.seen.clone();
            async move {
                loop {
                    tokio::time::sleep(ttl / 4).await;
                    seen.lock().unwrap().retain(|_, t| t.elapsed() < ttl);
                }
            }
        })
        .await;
    }
}
