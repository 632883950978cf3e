pub struct Holder {
    pub worker: crate::worker::Quiet,
}
