pub struct Store {
    path: String,
}

impl Store {
    pub fn open(path: &str) -> Store {
        Store { path: path.to_string() }
    }

    /// Waits for the child: blocks.
    pub fn compact(&self) {
        let _ = std::process::Command::new("compact").arg(&self.path).status();
    }
}

pub trait Compact {
    fn compact(&self);
}
