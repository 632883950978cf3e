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
