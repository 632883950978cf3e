// Children that are awaited outside any timeout or select! future.
use std::time::Duration;

use tokio::process::Command;
use tokio::time::timeout;

pub async fn plain_await(repo: &str) -> std::io::Result<String> {
    let out = Command::new("git").arg("-C").arg(repo).arg("status").output().await?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Spawned before the timeout: only `wait()` is raced, and the child is
/// killed on the timeout path.
pub async fn spawned_before(path: &str) -> std::io::Result<()> {
    let mut child = Command::new(path).spawn()?;
    if timeout(Duration::from_secs(5), child.wait()).await.is_err() {
        child.kill().await?;
    }
    Ok(())
}

/// The command runs in a select! handler, not in a raced future.
pub async fn in_handler(mut rx: tokio::sync::mpsc::Receiver<String>) {
    loop {
        tokio::select! {
            Some(job) = rx.recv() => {
                let _ = Command::new("worker").arg(job).status().await;
            }
            _ = tokio::time::sleep(Duration::from_secs(60)) => break,
        }
    }
}

/// The duration argument is not the raced future.
pub async fn duration_from_command() {
    let secs = Command::new("cat").arg("/etc/timeout").output();
    let _ = timeout(Duration::from_secs(1), async {}).await;
    drop(secs);
}

/// A task spawned inside the future is not dropped with it.
pub async fn spawned_task() {
    let _ = timeout(Duration::from_secs(1), async {
        tokio::spawn(async { Command::new("indexer").status().await });
    })
    .await;
}

/// Waited on in a select! branch, killed explicitly when the other branch wins.
pub async fn supervise_and_kill(bin: &str, token: tokio_util::sync::CancellationToken) {
    let mut child = Command::new(bin).spawn().expect("spawn");
    tokio::select! {
        _ = child.wait() => {}
        _ = token.cancelled() => {
            let _ = child.start_kill();
        }
    }
}
