/// app's own database handle: syncing waits for the disk.
pub struct Db;

impl Db {
    pub fn open() -> Self {
        Db
    }

    pub fn sync(&self) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
