// Audit: service code written from the spec text (flag cases).
use std::time::Duration;
use tokio::process::Command;
use tokio::time::timeout;

pub async fn run_with_timeout() -> std::io::Result<()> {
    let out = timeout(Duration::from_secs(5), Command::new("git").arg("fetch").output()).await; //~ child_without_kill_on_drop
    let _ = out;
    Ok(())
}

pub async fn status_with_timeout() {
    let mut cmd = Command::new("ffmpeg");
    cmd.arg("-i").arg("in.mp4");
    let _ = tokio::time::timeout(Duration::from_secs(30), cmd.status()).await; //~ child_without_kill_on_drop
}

pub async fn wait_with_output() -> anyhow::Result<()> {
    let res = tokio::time::timeout(Duration::from_secs(10), async {
        Command::new("sh") //~ child_without_kill_on_drop
            .arg("-c")
            .arg("sleep 100")
            .stdout(std::process::Stdio::piped())
            .spawn()?
            .wait_with_output()
            .await
    })
    .await;
    let _ = res;
    Ok(())
}

pub async fn raced(mut shutdown: tokio::sync::watch::Receiver<bool>) {
    tokio::select! {
        r = Command::new("worker").status() => { let _ = r; } //~ child_without_kill_on_drop
        _ = shutdown.changed() => {}
    }
}

pub async fn explicit_false() {
    let _ = timeout(
        Duration::from_secs(1),
        Command::new("sleep").arg("10").kill_on_drop(false).output(), //~ child_without_kill_on_drop
    )
    .await;
}
