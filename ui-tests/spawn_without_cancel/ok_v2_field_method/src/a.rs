pub struct Holder {
    pub worker: crate::worker::Worker,
}
