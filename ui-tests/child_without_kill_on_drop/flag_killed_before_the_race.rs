// Only a kill from the race on handles the timeout path: one written
// before the race, on another path, leaves the timed-out child running.
use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;
use tokio::sync::broadcast;
use tokio::time::timeout;

pub async fn watch_build(dir: &str) -> anyhow::Result<i32> {
    let mut child = Command::new("make") //~ child_without_kill_on_drop
        .current_dir(dir)
        .stdout(Stdio::piped())
        .spawn()?;
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    while let Some(line) = lines.next_line().await? {
        if line.contains("FATAL") {
            child.start_kill()?;
            break;
        }
    }
    match timeout(Duration::from_secs(10), child.wait()).await {
        Ok(status) => Ok(status?.code().unwrap_or(-1)),
        Err(_) => Err(anyhow::anyhow!("make did not exit")),
    }
}

// Near miss: killed in the `Err` arm.
pub async fn build_killed_on_timeout(dir: &str) -> anyhow::Result<i32> {
    let mut child = Command::new("make").current_dir(dir).spawn()?;
    match timeout(Duration::from_secs(10), child.wait()).await {
        Ok(status) => Ok(status?.code().unwrap_or(-1)),
        Err(_) => {
            child.kill().await?;
            Err(anyhow::anyhow!("make did not exit"))
        }
    }
}

// Near miss: killed in the branch that wins instead, written above the wait.
pub async fn job_killed_on_shutdown(
    job: &str,
    mut shutdown: broadcast::Receiver<()>,
) -> anyhow::Result<()> {
    let mut child = Command::new("sh").arg("-c").arg(job).spawn()?;
    tokio::select! {
        _ = shutdown.recv() => {
            child.kill().await?;
        }
        status = child.wait() => {
            tracing::info!(?status, "job done");
        }
    }
    Ok(())
}

// Near miss: killed after the race.
pub async fn build_killed_after(dir: &str) -> anyhow::Result<()> {
    let mut child = Command::new("make").current_dir(dir).spawn()?;
    let finished = timeout(Duration::from_secs(10), child.wait()).await.is_ok();
    if !finished {
        child.start_kill()?;
    }
    Ok(())
}
