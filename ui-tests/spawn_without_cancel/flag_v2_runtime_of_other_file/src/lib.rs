// Tasks spawned on the runtime a fn of another file returns.
mod pool;
mod rt;

/// `rt::runtime()` returns a shared `&'static Runtime`: flagged, with a
/// note at that fn.
pub fn start() {
    rt::runtime().spawn(async { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    });
}

/// Near miss: `rt::fresh()` returns a `Runtime` by value, dropped (with its
/// tasks) at the end of the statement.
pub fn start_fresh() {
    rt::fresh().spawn(async {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    });
}

/// The shared runtime bound to a local first: flagged the same.
pub fn start_bound() {
    let runtime = rt::runtime();
    runtime.spawn(async { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    });
}

/// Near miss: a runtime of its own bound to a local, dropped (with its
/// tasks) when the fn returns.
pub fn start_fresh_bound() {
    let runtime = rt::fresh();
    runtime.spawn(async {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    });
}

/// A pool of the crate bound to a local, whose `spawn` is a spawn wrapper:
/// flagged as a wrapper's task, though the receiver is no runtime.
pub fn start_pooled() {
    let pool = pool::Pool::global();
    pool.spawn(async { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    });
}
