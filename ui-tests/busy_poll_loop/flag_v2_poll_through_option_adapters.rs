// A poll's result seen through `.ok().and_then(…)`: on the empty path the
// closure does not run and the value stays `None`; locked with nothing
// queued is `None` too. Either way the loop comes straight back.
use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Mutex;

pub async fn drain_forever(q: Arc<Mutex<VecDeque<u32>>>) {
    loop {
        let next = q.try_lock().ok().and_then(|mut g| g.pop_front()); //~ busy_poll_loop
        match next {
            Some(v) => tracing::info!(v, "drained"),
            None => continue,
        }
    }
}

pub async fn first_ready(q: Arc<Mutex<VecDeque<u32>>>) -> u32 {
    loop {
        if let Some(v) = q.try_lock().ok().and_then(|mut g| g.pop_front()).filter(|v| *v > 0) { //~ busy_poll_loop
            return v;
        }
    }
}

// Near misses: the empty path sleeps, or ends the drain.
pub async fn drain_paced(q: Arc<Mutex<VecDeque<u32>>>) {
    loop {
        let next = q.try_lock().ok().and_then(|mut g| g.pop_front());
        match next {
            Some(v) => tracing::info!(v, "drained"),
            None => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}

pub async fn drain_once(q: Arc<Mutex<VecDeque<u32>>>) {
    while let Some(v) = q.try_lock().ok().and_then(|mut g| g.pop_front()) {
        tracing::info!(v, "drained");
    }
}
