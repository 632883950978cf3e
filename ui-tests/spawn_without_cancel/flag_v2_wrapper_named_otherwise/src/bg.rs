// Spawn wrappers whose names do not say `spawn`.
use std::future::Future;

use tokio::task::JoinHandle;
use tracing::Instrument;

/// Runs `fut` in the background: a spawn wrapper (the handle is dropped).
pub fn detach<F>(fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    let fut = fut.instrument(tracing::info_span!("bg"));
    tokio::spawn(fut);
}

/// Returns the handle: not a spawn wrapper, its caller decides.
pub fn start<F>(fut: F) -> JoinHandle<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(fut)
}
