// Spinning on `now_or_never()`: the future is polled once per turn and the
// loop comes straight back when it is not ready.
use futures::{FutureExt, StreamExt};

pub struct Event;

fn handle(_e: Event) {}

pub fn pump_events(mut events: futures::channel::mpsc::Receiver<Event>) {
    loop {
        match events.next().now_or_never() { //~ busy_poll_loop
            Some(Some(event)) => handle(event),
            Some(None) => return,
            None => continue,
        }
    }
}

pub fn wait_result<F: std::future::Future<Output = u32> + Unpin>(mut fut: F) -> u32 {
    loop {
        if let Some(value) = (&mut fut).now_or_never() { //~ busy_poll_loop
            break value;
        }
    }
}

pub async fn spin_with_hint(mut done: tokio::sync::oneshot::Receiver<()>) {
    // A spin hint does not help in async code: the task still never yields.
    loop {
        if (&mut done).now_or_never().is_some() { //~ busy_poll_loop
            return;
        }
        std::hint::spin_loop();
    }
}
