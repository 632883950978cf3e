// Audit: service code written from the spec text (leaves-alone cases).
use std::time::Duration;
use tokio::process::Command;
use tokio::time::timeout;

pub async fn killed() {
    let _ = timeout(
        Duration::from_secs(5),
        Command::new("git").arg("fetch").kill_on_drop(true).output(),
    )
    .await;
}

pub async fn binding_killed() {
    let mut cmd = Command::new("ffmpeg");
    cmd.kill_on_drop(true);
    let _ = timeout(Duration::from_secs(30), cmd.status()).await;
}

pub async fn not_raced() -> std::io::Result<()> {
    let out = Command::new("ls").output().await?;
    let _ = out;
    Ok(())
}

pub async fn unknown_builder() {
    let mut cmd = build_command();
    let _ = timeout(Duration::from_secs(5), cmd.status()).await;
}

pub async fn std_command() {
    let _ = timeout(Duration::from_secs(5), async {
        std::process::Command::new("ls").status() //~ blocking_call_in_async
    })
    .await;
}

fn build_command() -> Command {
    Command::new("x")
}
