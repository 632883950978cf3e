// select! with a default / else branch in an endless loop.
use futures::{select, FutureExt, StreamExt};
use tokio::sync::mpsc;

pub async fn futures_default(mut events: futures::channel::mpsc::Receiver<u32>) {
    loop {
        select! { //~ busy_poll_loop
            event = events.next().fuse() => println!("{event:?}"),
            default => {},
        }
    }
}

pub async fn tokio_else(mut rx: mpsc::Receiver<u32>, mut ticks: mpsc::Receiver<()>) {
    loop {
        tokio::select! { //~ busy_poll_loop
            Some(v) = rx.recv() => println!("{v}"),
            Some(()) = ticks.recv() => println!("tick"),
            else => {}
        }
    }
}

pub async fn tokio_else_behind_a_precondition(mut rx: mpsc::Receiver<u32>, open: bool) {
    loop {
        tokio::select! { //~ busy_poll_loop
            v = rx.recv(), if open => println!("{v:?}"),
            else => {}
        }
    }
}

// Near miss: no branch can be disabled (`_` and a plain name match every
// output, and there is no `if`), so tokio never runs this `else`: the
// `select!` waits for a branch.
pub async fn tokio_else_never_runs(
    mut rx: mpsc::Receiver<u32>,
    token: tokio_util::sync::CancellationToken,
) {
    loop {
        tokio::select! {
            _ = token.cancelled() => return,
            task = rx.recv() => println!("{task:?}"),
            else => ()
        }
    }
}
