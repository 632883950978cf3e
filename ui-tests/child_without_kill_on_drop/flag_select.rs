// A child raced in a `select!` branch: if the other branch wins, the future
// is dropped and the process keeps running.
use std::time::Duration;

use tokio::process::Command;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

pub async fn transcode(job: Job, token: CancellationToken) -> Result<(), Error> {
    let mut cmd = Command::new("ffmpeg");
    cmd.arg("-i").arg(&job.input).arg(&job.output);
    tokio::select! {
        out = cmd.output() => { //~ child_without_kill_on_drop
            let out = out?;
            job.finish(out.status.success()).await
        }
        _ = token.cancelled() => Err(Error::Cancelled),
    }
}

pub async fn backup(mut shutdown: watch::Receiver<bool>) -> Result<(), Error> {
    loop {
        tokio::select! {
            biased;
            _ = shutdown.changed() => return Ok(()),
            res = async {
                let mut child = Command::new("restic").arg("backup").arg("/data").spawn()?; //~ child_without_kill_on_drop
                child.wait().await
            } => {
                res?;
            }
        }
        tokio::time::sleep(Duration::from_secs(3600)).await;
    }
}

pub async fn first_responder(a: &str, b: &str) -> Result<(), Error> {
    futures::select! {
        _ = Command::new("curl").arg(a).status() => {}, //~ child_without_kill_on_drop
        _ = Command::new("curl").arg(b).status() => {}, //~ child_without_kill_on_drop
    }
    Ok(())
}
