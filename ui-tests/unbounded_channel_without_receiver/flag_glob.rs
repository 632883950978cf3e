// A single glob import of a channel module resolves its names.
use std::sync::mpsc::*;

pub fn start_reporter(reporter: Reporter) -> Sender<Report> {
    let (tx, _rx) = channel();
    reporter.attach(tx.clone());
    tx
}
