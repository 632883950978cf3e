// A child's `wait()` raced in a `loop` whose losing side stays in the loop
// is waited for again on the next turn: the race drops the wait, which
// only borrows the child, not the child (a progress log around a long
// job). Flagged: a losing side that leaves the loop (`return`, `?`), and a
// race in no loop.
use std::time::Duration;
use tokio::process::Command;

pub async fn dump(db: &str) -> anyhow::Result<std::process::ExitStatus> {
    let mut child = Command::new("pg_dump").arg(db).spawn()?;
    let mut tick = tokio::time::interval(Duration::from_secs(10));
    loop {
        tokio::select! {
            status = child.wait() => return Ok(status?),
            _ = tick.tick() => tracing::info!(db, "still running"),
        }
    }
}

pub async fn restore(db: &str) -> anyhow::Result<std::process::ExitStatus> {
    let mut child = Command::new("pg_restore").arg(db).spawn()?;
    loop {
        match tokio::time::timeout(Duration::from_secs(30), child.wait()).await {
            Ok(status) => return Ok(status?),
            Err(_) => tracing::info!(db, "still running"),
        }
    }
}

pub async fn vacuum(db: &str) -> anyhow::Result<()> {
    let mut child = Command::new("vacuumdb").arg(db).spawn()?;
    loop {
        if let Ok(status) = tokio::time::timeout(Duration::from_secs(30), child.wait()).await {
            status?;
            return Ok(());
        }
        tracing::info!(db, "still running");
    }
}

// Flagged: the shutdown branch leaves with the child running.
pub async fn dump_until_shutdown(db: &str, mut stop: tokio::sync::watch::Receiver<bool>) -> anyhow::Result<()> {
    let mut child = Command::new("pg_dump").arg(db).spawn()?; //~ child_without_kill_on_drop
    loop {
        tokio::select! {
            status = child.wait() => { status?; return Ok(()); }
            _ = stop.changed() => return Ok(()),
        }
    }
}

// Flagged: the Err arm gives up.
pub async fn restore_or_give_up(db: &str) -> anyhow::Result<()> {
    let mut child = Command::new("pg_restore").arg(db).spawn()?; //~ child_without_kill_on_drop
    loop {
        match tokio::time::timeout(Duration::from_secs(30), child.wait()).await {
            Ok(status) => { status?; return Ok(()); }
            Err(e) => return Err(e.into()),
        }
    }
}

// Flagged: `?` on the timeout's result leaves on the first timeout.
pub async fn restore_once(db: &str) -> anyhow::Result<()> {
    let mut child = Command::new("pg_restore").arg(db).spawn()?; //~ child_without_kill_on_drop
    loop {
        let status = tokio::time::timeout(Duration::from_secs(30), child.wait()).await?;
        status?;
        return Ok(());
    }
}

// Flagged: no loop; the first tick drops the wait and the fn returns.
pub async fn dump_once(db: &str) -> anyhow::Result<()> {
    let mut child = Command::new("pg_dump").arg(db).spawn()?; //~ child_without_kill_on_drop
    tokio::select! {
        status = child.wait() => { status?; }
        _ = tokio::time::sleep(Duration::from_secs(5)) => tracing::warn!("slow"),
    }
    Ok(())
}
