// Child processes started inside the future given to `tokio::time::timeout`
// without `kill_on_drop(true)`: on timeout the process keeps running.
use std::process::Stdio;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use tokio::process::Command;
use tokio::time::timeout;

/// Renders a thumbnail with ffmpeg, giving up after 30 seconds.
pub async fn render_thumbnail(input: &str, output: &str) -> Result<()> {
    let status = timeout(
        Duration::from_secs(30),
        Command::new("ffmpeg") //~ child_without_kill_on_drop
            .args(["-y", "-i", input, "-frames:v", "1"])
            .arg(output)
            .stdout(Stdio::null())
            .status(),
    )
    .await
    .context("ffmpeg timed out")??;
    if !status.success() {
        bail!("ffmpeg failed: {status}");
    }
    Ok(())
}

/// The builder goes through a binding; arguments are added on it later.
pub async fn git_log(repo: &str, limit: usize) -> Result<String> {
    let mut cmd = Command::new("git");
    cmd.current_dir(repo);
    cmd.arg("log").arg(format!("-{limit}")).arg("--oneline");
    if limit > 100 {
        cmd.arg("--no-decorate");
    }
    let out = tokio::time::timeout(Duration::from_secs(5), cmd.output()).await??; //~ child_without_kill_on_drop
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Spawned, then waited on inside the same raced future.
pub async fn run_hook(path: &str) -> Result<Vec<u8>> {
    let mut cmd = Command::new(path);
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let out = timeout(Duration::from_secs(10), cmd.spawn()?.wait_with_output()).await??; //~ child_without_kill_on_drop
    Ok(out.stdout)
}

/// The child lives inside an async block handed to the timeout.
pub async fn probe(binary: &str) -> Result<bool> {
    let res = timeout(Duration::from_millis(500), async {
        let mut child = Command::new(binary).arg("--version").spawn()?; //~ child_without_kill_on_drop
        let status = child.wait().await?;
        Ok::<_, std::io::Error>(status.success())
    })
    .await;
    Ok(matches!(res, Ok(Ok(true))))
}

/// `kill_on_drop(false)` is the default, spelled out: still missing.
pub async fn compress(path: &str) -> Result<()> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    tokio::time::timeout_at(
        deadline,
        Command::new("zstd").arg("-19").arg(path).kill_on_drop(false).output(), //~ child_without_kill_on_drop
    )
    .await??;
    Ok(())
}
