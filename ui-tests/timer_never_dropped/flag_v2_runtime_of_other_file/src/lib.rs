// Tickers spawned on the runtime a fn of another file returns.
mod rt;

/// `rt::runtime()` returns a shared `&'static Runtime`: the interval lives
/// as long as a task nothing stops. Flagged.
pub fn start() {
    rt::runtime().spawn(async { //~ spawn_without_cancel
        let mut every = tokio::time::interval(std::time::Duration::from_secs(1)); //~ timer_never_dropped
        loop {
            every.tick().await;
        }
    });
}

/// Near miss: `rt::fresh()` returns a `Runtime` by value, dropped (with its
/// tasks and their timers) at the end of the statement.
pub fn start_fresh() {
    rt::fresh().spawn(async {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(1));
        loop {
            every.tick().await;
        }
    });
}
