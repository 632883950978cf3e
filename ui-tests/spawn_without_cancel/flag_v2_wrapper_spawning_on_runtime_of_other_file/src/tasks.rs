use std::future::Future;

use crate::rt;

/// A spawn wrapper: it spawns its parameter on the shared runtime and
/// drops the handle.
pub fn detach<F>(label: &'static str, fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    let _ = label;
    rt::runtime().spawn(fut);
}

/// The same through a `Handle`.
pub fn background<F>(fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    rt::handle().spawn(fut);
}

/// Not a spawn wrapper: the runtime it spawns on is its own, dropped
/// (with the task) at the end of the statement.
pub fn run_scoped<F>(fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    rt::fresh().spawn(fut);
}
