use super::chan::*;

pub fn connect() -> UnboundedSender<u8> {
    let (tx, _rx) = unbounded_channel();
    tx
}

pub fn through_grandparent() -> super::super::UnboundedSender<u8> {
    let (tx, _rx) = super::super::mpsc::unbounded_channel();
    tx
}
