// A sync helper that blocks, called by `main` on the main thread (not
// reported) and then by a task `main` spawns (reported: the task runs on
// a worker).
use std::time::Duration;

fn wait_for_port(addr: &str) -> bool {
    std::net::TcpStream::connect(addr).is_ok()
}

#[tokio::main]
async fn main() {
    wait_for_port("db:5432");
    tokio::spawn(async {
        loop {
            if !wait_for_port("cache:6379") { //~ blocking_call_in_async
                eprintln!("cache is down");
            }
            tokio::time::sleep(Duration::from_secs(30)).await;
        }
    });
    wait_for_port("queue:5672");
}
