use std::time::Duration;

pub struct Db;

pub fn global() -> &'static Db {
    static DB: Db = Db;
    &DB
}

impl Db {
    pub fn open(_path: &str) -> std::io::Result<Db> {
        Ok(Db)
    }

    /// Waits for the writer thread to settle.
    pub fn settle(&self) {
        std::thread::sleep(Duration::from_millis(50));
    }

    pub fn len(&self) -> usize {
        0
    }
}
