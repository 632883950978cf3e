// `kill_on_drop(true)` in the chain or on the binding: the child dies with
// the future.
use std::process::Stdio;
use std::time::Duration;

use tokio::process::Command;
use tokio::time::timeout;

pub async fn in_chain(input: &str) -> anyhow::Result<()> {
    timeout(
        Duration::from_secs(30),
        Command::new("ffmpeg").arg("-i").arg(input).kill_on_drop(true).status(),
    )
    .await??;
    Ok(())
}

pub async fn on_binding(repo: &str) -> anyhow::Result<Vec<u8>> {
    let mut cmd = Command::new("git");
    cmd.current_dir(repo).arg("fetch");
    cmd.kill_on_drop(true);
    let out = timeout(Duration::from_secs(60), cmd.output()).await??;
    Ok(out.stdout)
}

pub async fn in_binding_init(path: &str) -> anyhow::Result<()> {
    let mut cmd = Command::new(path);
    cmd.kill_on_drop(true).stdout(Stdio::piped());
    let child = cmd.spawn()?;
    let _ = timeout(Duration::from_secs(5), child.wait_with_output()).await;
    let again = timeout(Duration::from_secs(5), cmd.spawn()?.wait_with_output()).await;
    drop(again);
    Ok(())
}

pub async fn from_config(flag: bool) -> anyhow::Result<()> {
    let mut cmd = Command::new("make");
    // Not a literal: leaklint cannot tell, so it stays silent.
    cmd.kill_on_drop(flag);
    tokio::select! {
        _ = cmd.status() => {}
        _ = tokio::time::sleep(Duration::from_secs(1)) => {}
    }
    Ok(())
}
