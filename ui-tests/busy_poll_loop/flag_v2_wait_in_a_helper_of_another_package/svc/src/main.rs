use std::sync::mpsc::{Receiver, TryRecvError};

use common::retry::pause;

/// Near misses: the empty path waits in a helper of the `common` package.
fn drain(rx: Receiver<String>) {
    std::thread::spawn(move || loop {
        match rx.try_recv() {
            Ok(job) => println!("{job}"),
            Err(TryRecvError::Empty) => common::retry::pause(1),
            Err(TryRecvError::Disconnected) => break,
        }
    });
}

fn drain_imported(rx: Receiver<String>) {
    std::thread::spawn(move || loop {
        match rx.try_recv() {
            Ok(job) => println!("{job}"),
            Err(TryRecvError::Empty) => pause(1),
            Err(TryRecvError::Disconnected) => break,
        }
    });
}

/// The helper it calls on the empty path does not wait: it spins.
fn drain_counting(rx: Receiver<String>) {
    std::thread::spawn(move || {
        let mut misses = 0;
        loop {
            match rx.try_recv() { //~ busy_poll_loop
                Ok(job) => println!("{job}"),
                Err(TryRecvError::Empty) => misses = common::retry::note(misses),
                Err(TryRecvError::Disconnected) => break,
            }
        }
    });
}

fn main() {
    let (_a, r1) = std::sync::mpsc::channel();
    let (_b, r2) = std::sync::mpsc::channel();
    let (_c, r3) = std::sync::mpsc::channel();
    drain(r1);
    drain_imported(r2);
    drain_counting(r3);
}
