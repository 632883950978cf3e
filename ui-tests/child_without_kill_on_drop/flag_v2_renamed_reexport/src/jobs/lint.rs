use std::time::Duration;

use super::super::proc;

pub async fn clippy(dir: &str) -> std::io::Result<Vec<u8>> {
    let mut cmd = proc::AsyncCommand::new("cargo");
    cmd.current_dir(dir).arg("clippy");
    let out = tokio::time::timeout(Duration::from_secs(900), cmd.output()).await??;
    Ok(out.stdout)
}

pub async fn clippy_killed_on_drop(dir: &str) -> std::io::Result<Vec<u8>> {
    let mut cmd = proc::AsyncCommand::new("cargo");
    cmd.current_dir(dir).arg("clippy").kill_on_drop(true);
    let out = tokio::time::timeout(Duration::from_secs(900), cmd.output()).await??;
    Ok(out.stdout)
}
