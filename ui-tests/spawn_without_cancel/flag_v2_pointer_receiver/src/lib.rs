//! A method called on a value wrapped in `Arc::new`, `Rc::new` or
//! `Box::new` is the wrapped value's method (calls reach through them).
mod worker;

use std::rc::Rc;
use std::sync::{Arc, Mutex};

use worker::Worker;

pub fn shared() {
    let w = Arc::new(Worker::new());
    let handle = w.clone();
    tokio::spawn(async move { handle.run().await }); //~ spawn_without_cancel
}

pub fn boxed() {
    let w = Box::new(Worker { id: 1 });
    tokio::spawn(async move { w.run().await }); //~ spawn_without_cancel
}

pub fn counted() {
    let w = Rc::new(Worker::new());
    tokio::task::spawn_local(async move { w.run().await }); //~ spawn_without_cancel
}

/// Near miss: a `Mutex` must be locked first: `run` here would be the
/// `Mutex`'s, which has none.
pub fn locked() {
    let w = Arc::new(Mutex::new(Worker::new()));
    tokio::spawn(async move { w.run().await });
}

/// Near miss: the wrapped worker stops when told to.
pub fn stoppable(stop: tokio::sync::watch::Receiver<bool>) {
    let w = Arc::new(Worker::new());
    tokio::spawn(async move { w.run_until(stop).await });
}
