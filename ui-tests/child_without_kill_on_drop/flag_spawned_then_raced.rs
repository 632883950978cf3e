// The child is spawned before the race and only awaited inside it: when the
// future is dropped nobody kills the process.
use std::process::Stdio;
use std::time::Duration;

use tokio::process::Command;
use tokio::time::timeout;
use tokio_util::sync::CancellationToken;

/// `wait_with_output` takes the child by value: after a timeout there is
/// nothing left to kill.
pub async fn lint_file(path: &str) -> anyhow::Result<String> {
    let child = Command::new("eslint") //~ child_without_kill_on_drop
        .arg(path)
        .stdout(Stdio::piped())
        .spawn()?;
    let out = timeout(Duration::from_secs(20), child.wait_with_output()).await??;
    Ok(String::from_utf8(out.stdout)?)
}

/// The child is only waited on in a select! branch and never killed.
pub async fn supervise(bin: &str, token: CancellationToken) -> anyhow::Result<()> {
    let mut cmd = Command::new(bin);
    cmd.arg("--foreground");
    let mut child = cmd.spawn().expect("spawn worker"); //~ child_without_kill_on_drop
    tokio::select! {
        status = child.wait() => {
            tracing::warn!(?status, "worker exited");
        }
        _ = token.cancelled() => {
            tracing::info!("shutting down");
        }
    }
    Ok(())
}

/// The child taken out of the spawn's `Result` by a `match` whose error arm
/// leaves, or by `let … else`: the same child.
pub async fn restore(db: &str) {
    let mut cmd = Command::new("pg_restore");
    cmd.arg(db);
    let child = match cmd.spawn() { //~ child_without_kill_on_drop
        Ok(child) => child,
        Err(e) => {
            tracing::error!("pg_restore: {e}");
            return;
        }
    };
    let _ = timeout(Duration::from_secs(600), child.wait_with_output()).await;
}

pub async fn vacuum(db: &str) {
    let mut cmd = Command::new("vacuumdb");
    cmd.arg(db);
    let Ok(child) = cmd.spawn() else { //~ child_without_kill_on_drop
        return;
    };
    let _ = timeout(Duration::from_secs(600), child.wait_with_output()).await;
}

/// Near miss: the same with `kill_on_drop(true)`.
pub async fn analyze(db: &str) {
    let mut cmd = Command::new("analyzedb");
    cmd.arg(db).kill_on_drop(true);
    let Ok(child) = cmd.spawn() else {
        return;
    };
    let _ = timeout(Duration::from_secs(600), child.wait_with_output()).await;
}
