use std::time::Duration;

pub async fn run(config: &str) -> std::io::Result<()> {
    let data = std::fs::read(config)?;
    upload(&data).await;
    std::thread::sleep(Duration::from_millis(100));
    Ok(())
}

async fn upload(_data: &[u8]) {}
