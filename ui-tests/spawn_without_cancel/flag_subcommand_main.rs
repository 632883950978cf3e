// A subcommand's fn named `main` at the top of a module file (`cli.rs`,
// called as `cli::main(args)`): a program's `main` is neither `async`
// without a runtime attribute nor given arguments, so this is an ordinary
// fn, and nothing here calls it.
use std::time::Duration;

pub async fn main(args: Vec<String>) {
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
            report(&args).await;
        }
    });
}

async fn report(_args: &[String]) {}
