pub struct Registry {
    path: String,
}

impl Registry {
    pub fn open(path: &str) -> Result<Registry, String> {
        Ok(Registry { path: path.to_string() })
    }

    // Flagged: a spawned task calls it, on what `Registry::open` returns.
    pub async fn start(&self, _timeout: u64) -> Vec<u8> {
        std::fs::read(&self.path).unwrap_or_default() //~ blocking_call_in_async
    }
}
