/// base's store: flushes by waiting for the disk to settle.
pub struct Store;

impl Store {
    pub fn new() -> Self {
        Store
    }

    pub fn flush(&self) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
