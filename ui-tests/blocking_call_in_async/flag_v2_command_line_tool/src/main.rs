// A command-line tool (the package is named `acme-cli`): a macro-generated
// dispatcher runs one command handler for a user who waits for it, so the
// handlers' file reads stall nothing else. The task `watch` spawns runs
// beside the command: a blocking call there is still reported.
mod commands;

#[tokio::main]
async fn main() {
    dispatch::run::<commands::Cli>().await;
}
