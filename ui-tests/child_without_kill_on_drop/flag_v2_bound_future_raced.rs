// A child's future bound to a name first, then raced by value.
use std::time::Duration;
use tokio::process::Command;

pub async fn thumbnail(path: &str) -> std::io::Result<()> {
    let run = Command::new("convert").arg(path).status(); //~ child_without_kill_on_drop
    tokio::time::timeout(Duration::from_secs(30), run).await??;
    Ok(())
}

pub async fn transcode(input: &str, stop: tokio::sync::oneshot::Receiver<()>) {
    let job = Command::new("ffmpeg").arg("-i").arg(input).output(); //~ child_without_kill_on_drop
    tokio::select! {
        _ = job => {}
        _ = stop => {}
    }
}

pub async fn archive(dir: &str) -> std::io::Result<()> {
    let work = async {
        let out = Command::new("tar").arg("czf").arg(dir).output().await?; //~ child_without_kill_on_drop
        Ok::<_, std::io::Error>(out)
    };
    tokio::time::timeout(Duration::from_secs(600), work).await??;
    Ok(())
}
