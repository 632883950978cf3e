// Builders leaklint cannot see being built: another function, a parameter,
// a field, or lent to a helper that may set `kill_on_drop`.
use std::time::Duration;

use tokio::process::Command;
use tokio::time::timeout;

fn base_command(bin: &str) -> Command {
    let mut cmd = Command::new(bin);
    cmd.kill_on_drop(true);
    cmd
}

fn harden(cmd: &mut Command) {
    cmd.kill_on_drop(true).env_clear();
}

pub async fn from_helper() -> std::io::Result<()> {
    let mut cmd = base_command("rsync");
    cmd.arg("-a");
    let _ = timeout(Duration::from_secs(5), cmd.status()).await;
    Ok(())
}

pub async fn from_parameter(mut cmd: Command) {
    let _ = timeout(Duration::from_secs(5), cmd.output()).await;
}

pub async fn lent_out() {
    let mut cmd = Command::new("rsync");
    harden(&mut cmd);
    let _ = timeout(Duration::from_secs(5), cmd.output()).await;
}

pub struct Runner {
    cmd: Command,
}

impl Runner {
    pub async fn run(&mut self) {
        let _ = timeout(Duration::from_secs(5), self.cmd.status()).await;
    }
}
