// tokio::process awaits the child; std::process in sync code or on the
// blocking pool is fine; an `Output`'s `status` is a field, not a wait.
use std::process::Stdio;

use tokio::process::Command;

pub async fn git_head(repo: &std::path::Path) -> anyhow::Result<String> {
    let out = Command::new("git")
        .arg("rev-parse")
        .arg("HEAD")
        .current_dir(repo)
        .kill_on_drop(true)
        .output()
        .await?;
    Ok(String::from_utf8(out.stdout)?)
}

pub async fn run_hook(script: String) -> anyhow::Result<bool> {
    let status = tokio::task::spawn_blocking(move || {
        std::process::Command::new("sh")
            .arg("-c")
            .arg(script)
            .stdin(Stdio::null())
            .status()
    })
    .await??;
    Ok(status.success())
}

pub fn version() -> Option<String> {
    let out = std::process::Command::new("ffmpeg").arg("-version").output().ok()?;
    String::from_utf8(out.stdout).ok()
}

pub async fn exit_code(out: std::process::Output) -> Option<i32> {
    out.status.code()
}

pub async fn from_elsewhere() {
    let mut child = spawn_helper();
    // Where the child came from is out of sight.
    let _ = child.wait().await;
}

pub async fn wait_tokio_child(mut child: tokio::process::Child) -> std::io::Result<()> {
    child.wait().await?;
    Ok(())
}
