pub struct Command {
    pub path: String,
}

impl Command {
    // Not flagged: only the tool's `main` runs it, on the main thread; the
    // listed test package's `.import()` in a spawned task is test code.
    pub async fn import(&self) -> std::io::Result<Vec<u8>> {
        std::fs::read(&self.path)
    }

    // Flagged: the admin service calls `.export()` on a value of unknown
    // type in a spawned task, which may be this method.
    pub async fn export(&self) -> std::io::Result<()> {
        std::fs::write(&self.path, b"") //~ blocking_call_in_async
    }
}
