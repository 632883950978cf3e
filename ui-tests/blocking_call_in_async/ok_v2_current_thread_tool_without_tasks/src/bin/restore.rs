use std::time::Duration;

fn main() -> std::io::Result<()> {
    restore_cli()
}

fn restore_cli() -> std::io::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let index = std::fs::read("index.bin")?;
        restore(index).await
    })
}

async fn restore(index: Vec<u8>) -> std::io::Result<()> {
    std::fs::write("restored.bin", index)?;
    settle();
    Ok(())
}

fn settle() {
    std::thread::sleep(Duration::from_millis(50));
}
