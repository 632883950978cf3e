mod commands;
mod store;

use commands::install::InstallOpt;
use commands::uninstall::UninstallOpt;

enum Command {
    Install(InstallOpt),
    Uninstall(UninstallOpt),
    Background(InstallOpt),
}

async fn process(command: &Command) {
    match command {
        Command::Install(opt) => opt.process().await,
        Command::Uninstall(opt) => opt.process().await,
        Command::Background(opt) => {
            let opt = opt.clone();
            tokio::spawn(async move { opt.process().await });
        }
    }
}

#[tokio::main]
async fn main() {
    let command = parse();
    if let Command::Install(opt) = &command {
        opt.process().await;
    }
    process(&command).await;
}

fn parse() -> Command {
    Command::Install(InstallOpt)
}
