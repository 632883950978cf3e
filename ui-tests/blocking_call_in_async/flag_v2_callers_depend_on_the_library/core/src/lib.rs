pub struct Command {
    pub path: String,
}

impl Command {
    // Flagged: the admin service, which depends on this library, calls
    // `.export()` on a value of unknown type in a spawned task.
    pub async fn export(&self) -> std::io::Result<()> {
        std::fs::write(&self.path, b"") //~ blocking_call_in_async
    }

    // Not flagged: only the tool's `main` runs it, on the main thread. The
    // reports service's `.import()` in a spawned task cannot be this method:
    // that package does not depend on this library.
    pub async fn import(&self) -> std::io::Result<Vec<u8>> {
        std::fs::read(&self.path)
    }
}
