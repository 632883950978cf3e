// A command-line tool runs its commands through a trait object: the boxed
// future a command's sync `run` returns is the command itself, run for a
// user who waits for it, as an async fn of the tool would be.
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

trait Command {
    fn run(&self) -> Pin<Box<dyn Future<Output = ()> + '_>>;
}

struct Tail;

impl Command for Tail {
    fn run(&self) -> Pin<Box<dyn Future<Output = ()> + '_>> {
        Box::pin(async move {
            std::thread::sleep(Duration::from_secs(2));
        })
    }
}

#[tokio::main]
async fn main() {
    let commands: Vec<Box<dyn Command>> = vec![Box::new(Tail)];
    for c in &commands {
        c.run().await;
    }
}
