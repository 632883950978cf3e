// `block_on` written in an async fn runs its future on the thread that runs
// the fn: a runtime worker. The `block_on` is reported, and so is what the
// future blocks on (fixing the first by awaiting leaves the second).
use std::path::Path;
use std::process::Command;

pub async fn resize(src: &Path, dst: &Path) -> std::io::Result<bool> {
    let status = Command::new("convert").arg(src).arg(dst).status()?; //~ blocking_call_in_async
    Ok(status.success())
}

pub async fn convert_inline(src: &Path, dst: &Path) -> std::io::Result<bool> {
    futures::executor::block_on(resize(src, dst)) //~ blocking_call_in_async
}

// Near misses: from a sync fn (a CLI's command), the future runs on the
// thread that blocks, not on a worker; and in `main`'s own future.
pub async fn thumbnail(src: &Path) -> std::io::Result<bool> {
    let status = Command::new("convert").arg(src).arg("-thumbnail").status()?;
    Ok(status.success())
}

pub fn thumbnail_cli(src: &Path) -> std::io::Result<bool> {
    let rt = tokio::runtime::Runtime::new()?;
    rt.block_on(thumbnail(src))
}

pub async fn crop(src: &Path) -> std::io::Result<bool> {
    let status = Command::new("convert").arg(src).arg("-crop").status()?;
    Ok(status.success())
}

async fn crop_all(paths: &[&Path]) -> std::io::Result<()> {
    for p in paths {
        futures::executor::block_on(crop(p))?;
    }
    Ok(())
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    crop_all(&[Path::new("a.png")]).await
}
