// A `select(a, b)` or `select_all(…)` raced as a whole in a `select!`:
// when another branch wins, both handles are dropped with it, whatever
// its own losers' fate.
use futures::future::{self, select_all};

pub async fn session(socket: Socket, shutdown: Shutdown) {
    let (rd, wr) = socket.split();
    let reader = tokio::spawn(read_frames(rd));
    let writer = tokio::spawn(write_frames(wr));
    tokio::select! {
        res = future::select(reader, writer) => { //~ join_handle_dropped_by_race join_handle_dropped_by_race
            tracing::debug!(?res, "a side of the session ended");
        }
        _ = shutdown.wait() => {}
    }
}

pub async fn any_mirror(mirrors: &[Mirror], cancel: Shutdown) {
    let h1 = tokio::spawn(mirrors[0].clone().download());
    let h2 = tokio::spawn(mirrors[1].clone().download());
    tokio::select! {
        _ = select_all(vec![h1, h2]) => {} //~ join_handle_dropped_by_race join_handle_dropped_by_race
        _ = cancel.wait() => {}
    }
}

// Awaited inside the branch's async block, and with its losers dropped
// too: one finding per handle.
pub async fn in_async_block(a: Probe, b: Probe, stop: Shutdown) {
    let fast = tokio::spawn(a.probe());
    let slow = tokio::spawn(b.probe());
    tokio::select! {
        _ = async { let _ = future::select(fast, slow).await; } => {} //~ join_handle_dropped_by_race join_handle_dropped_by_race
        _ = stop.wait() => {}
    }
}

// Near misses: borrowed handles, and handles aborted through an
// `AbortHandle` taken before the race.
pub async fn borrowed(a: Probe, b: Probe, stop: Shutdown) {
    let mut fast = tokio::spawn(a.probe());
    let mut slow = tokio::spawn(b.probe());
    tokio::select! {
        _ = future::select(&mut fast, &mut slow) => {}
        _ = stop.wait() => {}
    }
    fast.abort();
    slow.abort();
}

pub async fn aborted_after(a: Probe, b: Probe, stop: Shutdown) {
    let fast = tokio::spawn(a.probe());
    let slow = tokio::spawn(b.probe());
    let (fast_abort, slow_abort) = (fast.abort_handle(), slow.abort_handle());
    tokio::select! {
        _ = future::select(fast, slow) => {}
        _ = stop.wait() => {}
    }
    fast_abort.abort();
    slow_abort.abort();
}
