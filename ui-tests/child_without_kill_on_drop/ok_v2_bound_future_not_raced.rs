// Bound futures that are not raced, or whose child is killed on drop.
use std::time::Duration;
use tokio::process::Command;

pub async fn awaited_plainly(path: &str) -> std::io::Result<()> {
    let run = Command::new("convert").arg(path).status();
    run.await?;
    Ok(())
}

pub async fn killed_on_drop(path: &str) -> std::io::Result<()> {
    let run = Command::new("convert").arg(path).kill_on_drop(true).status();
    tokio::time::timeout(Duration::from_secs(30), run).await??;
    Ok(())
}

pub async fn output_raced_afterwards(path: &str) -> std::io::Result<()> {
    // The output, not the child's future, is what the name holds.
    let status = Command::new("convert").arg(path).status().await?;
    let report = async move { status.success() };
    tokio::time::timeout(Duration::from_secs(30), report).await.ok();
    Ok(())
}

pub async fn another_future_raced(path: &str, other: tokio::time::Sleep) -> std::io::Result<()> {
    let run = Command::new("convert").arg(path).status();
    tokio::time::timeout(Duration::from_secs(30), other).await.ok();
    run.await?;
    Ok(())
}
