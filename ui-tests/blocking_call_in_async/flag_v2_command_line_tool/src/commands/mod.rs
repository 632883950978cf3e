use std::time::Duration;

#[derive(dispatch::Command)]
#[command(run = "run_view")]
pub struct Cli;

pub async fn run_view(config: std::path::PathBuf) -> std::io::Result<()> {
    let text = std::fs::read_to_string(&config)?;
    println!("{text}");
    let edited = open_editor(&config)?;
    std::fs::write(&config, edited)?;
    Ok(())
}

fn open_editor(path: &std::path::Path) -> std::io::Result<String> {
    std::process::Command::new("vi").arg(path).status()?;
    std::fs::read_to_string(path)
}

pub async fn run_watch(config: std::path::PathBuf) {
    tokio::spawn(async move {
        std::thread::sleep(Duration::from_secs(1)); //~ blocking_call_in_async
        reload(&config).await;
    });
}

async fn reload(_path: &std::path::Path) {}
