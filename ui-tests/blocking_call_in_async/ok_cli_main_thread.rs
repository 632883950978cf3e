// Main-thread code: `main`, a `#[…::main]` fn, async blocks in them that are
// not spawned, and the async block a sync fn hands to `block_on`. A blocking
// call there holds up only the main thread, not a runtime worker.
use std::path::{Path, PathBuf};

use clap::Parser;
use tokio::runtime::Runtime;

#[derive(Parser)]
struct Args {
    #[arg(long)]
    config: PathBuf,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let text = std::fs::read_to_string(&args.config)?;
    let secrets = async { std::fs::read("secrets.bin") };
    let (secrets, _) = tokio::join!(secrets, async {
        std::thread::sleep(std::time::Duration::from_millis(10));
    });
    println!("{} {}", text.len(), secrets?.len());
    // Another module's fn named `main` is not this one: `main` is still
    // only an entry point, and what it awaits runs on the main thread.
    commands::main().await;
    load_plugins().await?;
    Ok(())
}

async fn load_plugins() -> std::io::Result<String> {
    std::fs::read_to_string("plugins.toml")
}

pub mod commands {
    pub async fn main() {}
}

pub struct Cli {
    runtime: Runtime,
}

impl Cli {
    /// A sync entry point driving the runtime: the async block runs on the
    /// thread that called `block_on`.
    pub fn run(&self, dir: &Path) -> anyhow::Result<usize> {
        let rt = Runtime::new()?;
        rt.block_on(async {
            let manifest = std::fs::read_to_string(dir.join("Manifest.toml"))?;
            let _remote = fetch().await?;
            Ok(manifest.len())
        })
    }

    pub fn export(&self, out: &Path) -> anyhow::Result<()> {
        self.runtime.block_on(async {
            let data = fetch().await?;
            std::fs::write(out, data)?;
            Ok(())
        })
    }
}

/// A dedicated thread blocking on its own runtime is not a worker of another one.
pub fn start_background(path: PathBuf) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().build().unwrap();
        rt.block_on(async move {
            let _ = std::fs::copy(&path, path.with_extension("bak"));
        });
    })
}

pub fn load_blocking(path: &Path) -> std::io::Result<Vec<u8>> {
    futures::executor::block_on(async { std::fs::read(path) })
}

pub mod web {
    #[actix_web::main]
    pub async fn serve() -> std::io::Result<()> {
        let key = std::fs::read("key.pem")?;
        let cert = std::fs::read("cert.pem")?;
        start(key, cert).await
    }
}

/// Runtimes' and projects' own `block_on` wrappers run the future on the
/// calling thread too.
pub fn import(path: &Path) -> anyhow::Result<usize> {
    fluvio_future::task::run_block_on(async {
        let data = std::fs::read(path)?;
        Ok(data.len())
    })
}

pub mod fvm {
    #[fluvio_future::main_async]
    pub async fn main_entry() -> anyhow::Result<()> {
        let settings = std::fs::read_to_string("settings.toml")?;
        println!("{settings}");
        Ok(())
    }
}
