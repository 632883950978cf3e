// A single glob import of a channel module resolves its names.
use std::sync::mpsc::*;

pub fn start_reporter(reporter: Reporter) -> Sender<Report> {
    let (tx, _rx) = channel(); //~ unbounded_channel_without_receiver
    reporter.attach(tx.clone());
    tx
}
