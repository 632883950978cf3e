// A runtime handed in as a parameter was built by the caller: `block_on`
// on it runs its future on the calling thread, whatever current-thread
// runtimes the fn builds for other work.
use tokio::runtime::{Builder, Runtime};

pub struct Adapter {
    dir: String,
}

impl Adapter {
    pub fn run(&mut self, rt: Runtime, cleanup: bool) -> std::io::Result<()> {
        if cleanup {
            return rt.block_on(async { self.cleanup().await });
        }
        // The query logger's own runtime, on its own thread.
        std::thread::spawn(|| {
            let logger = Builder::new_current_thread().build().unwrap();
            logger.block_on(async {});
        });
        rt.spawn(async {});
        Ok(())
    }

    // Not flagged: `run` blocks on it, on `main`'s thread.
    async fn cleanup(&self) -> std::io::Result<()> {
        std::fs::remove_dir_all(&self.dir)
    }

    // A runtime of its own: its only worker, the calling thread, also runs
    // the task its future spawns.
    pub fn compact(&self) {
        let rt = Builder::new_current_thread().build().unwrap();
        rt.block_on(async {
            tokio::spawn(async {});
            self.rewrite().await;
        });
    }

    // Flagged: it stalls the task `compact` spawned.
    async fn rewrite(&self) {
        let _ = std::fs::write(&self.dir, b""); //~ blocking_call_in_async
    }
}

fn main() -> std::io::Result<()> {
    let rt = Builder::new_multi_thread().build()?;
    let mut adapter = Adapter {
        dir: "deployment".to_string(),
    };
    adapter.compact();
    adapter.run(rt, true)
}
