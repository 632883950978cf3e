pub fn by_super() -> super::UnboundedSender<super::Event> {
    let (tx, _rx) = super::mpsc::unbounded_channel();
    tx
}

pub fn by_crate() -> crate::UnboundedSender<crate::Event> {
    let (tx, _rx) = crate::unbounded_channel();
    tx
}
