// A command-line client: each subcommand sends its requests once, awaited
// from `main` on the main thread. Each is reported all the same: a stalled
// server keeps the command from ever finishing.
mod api;
mod cmd;

enum Command {
    List,
    Add(Vec<String>),
    Export,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let command = parse();
    match command {
        Command::List => cmd::peers::list("127.0.0.1:8989").await,
        Command::Add(peers) => cmd::peers::add("127.0.0.1:8989", peers).await,
        Command::Export => {
            let rt = tokio::runtime::Runtime::new()?;
            cmd::export(&rt)
        }
    }
}

fn parse() -> Command {
    Command::List
}
