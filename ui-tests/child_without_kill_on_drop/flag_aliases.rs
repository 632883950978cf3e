// The same leak written through renames, groups and full paths.
use std::time::Duration;

use tokio::process::Command as TokioCommand;
use tokio::{process, time::{self, timeout as deadline}};

pub async fn renamed_builder(script: &str) -> std::io::Result<()> {
    let _ = deadline(Duration::from_secs(2), TokioCommand::new("sh").arg("-c").arg(script).status()).await; //~ child_without_kill_on_drop
    Ok(())
}

pub async fn module_path(host: &str) -> bool {
    let direct = time::timeout(Duration::from_secs(3), process::Command::new("ping").args(["-c", "1", host]).output()).await; //~ child_without_kill_on_drop
    matches!(direct, Ok(Ok(o)) if o.status.success())
}

pub async fn full_path(unit: &str) -> bool {
    ::tokio::time::timeout(
        Duration::from_secs(1),
        ::tokio::process::Command::new("systemctl").arg("is-active").arg(unit).status(), //~ child_without_kill_on_drop
    )
    .await
    .map(|s| s.map(|s| s.success()).unwrap_or(false))
    .unwrap_or(false)
}

/// The builder is rebound before it is raced.
pub async fn rebound(dir: &str) -> std::io::Result<()> {
    let mut base = TokioCommand::new("cargo");
    base.current_dir(dir);
    let cmd = base.arg("check");
    let _ = time::timeout(Duration::from_secs(120), cmd.output()).await; //~ child_without_kill_on_drop
    Ok(())
}
