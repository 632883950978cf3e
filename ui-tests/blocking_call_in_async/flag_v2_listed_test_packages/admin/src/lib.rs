pub struct Backup;

impl Backup {
    pub async fn export(&self) -> std::io::Result<()> {
        Ok(())
    }
}

pub fn nightly(mut backups: Vec<Backup>) {
    while let Some(backup) = backups.pop() {
        tokio::spawn(async move { backup.export().await });
    }
}
