// A `self.child` is the field the impl's struct declares: a std `Child`
// waited on in async code blocks, though another struct of the file has a
// tokio `Child` under the same name. Near miss: the tokio one.
use std::process::{Child, Command};
use std::time::Duration;

pub struct LegacyWorker {
    child: Child,
}

pub struct Worker {
    child: tokio::process::Child,
}

impl LegacyWorker {
    pub fn spawn(bin: &str) -> std::io::Result<Self> {
        Ok(LegacyWorker {
            child: Command::new(bin).spawn()?,
        })
    }

    pub async fn shutdown(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait(); //~ blocking_call_in_async
    }
}

impl Worker {
    pub async fn shutdown(&mut self) {
        let _ = self.child.start_kill();
        let _ = tokio::time::timeout(Duration::from_secs(3), self.child.wait()).await;
    }
}
