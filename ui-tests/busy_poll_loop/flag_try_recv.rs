// Workers that spin on try_recv when the queue is empty.
use std::sync::mpsc::{self, TryRecvError};
use tokio::sync::mpsc::Receiver;

pub struct Event;

fn handle(_e: Event) {}

pub fn drain_forever(rx: mpsc::Receiver<Event>) {
    std::thread::spawn(move || loop { //~ spawn_without_cancel
        if let Ok(event) = rx.try_recv() { //~ busy_poll_loop
            handle(event);
        }
    });
}

pub fn match_continue(rx: mpsc::Receiver<Event>) {
    loop {
        match rx.try_recv() { //~ busy_poll_loop
            Ok(event) => handle(event),
            Err(TryRecvError::Empty) => continue,
            Err(TryRecvError::Disconnected) => std::thread::sleep(std::time::Duration::from_secs(1)),
        }
    }
}

pub async fn async_task(mut rx: Receiver<Event>) {
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            while let Ok(event) = rx.try_recv() { //~ busy_poll_loop
                handle(event);
            }
        }
    });
}

pub fn while_true(rx: crossbeam_channel::Receiver<Event>) {
    while true {
        let Ok(event) = rx.try_recv() else { continue }; //~ busy_poll_loop
        handle(event);
    }
}
