use std::time::Duration;

// The library's re-export, renamed again by the binary.
use ci_runner::proc::AsyncCommand as Cmd;

async fn thumbnail(path: &str) -> std::io::Result<()> {
    tokio::time::timeout(Duration::from_secs(30), Cmd::new("convert").arg(path).status()).await??;
    Ok(())
}

fn main() {}
