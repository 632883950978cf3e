// The same handlers in a package named `acme-client`, which is no
// command-line tool by its name: nothing in the crate calls the handlers, so
// they may run on any worker, beside other tasks.
mod commands;

#[tokio::main]
async fn main() {
    dispatch::run::<commands::Cli>().await;
}
