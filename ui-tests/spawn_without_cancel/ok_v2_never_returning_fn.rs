// A fn that never returns a value (`-> !`, `-> Infallible`,
// `-> Result<Infallible, E>`) serves until the process ends or fails: a
// worker it starts once cannot outlive it.
use std::convert::Infallible;
use std::time::Duration;

pub struct Server {
    scheduler: String,
}

impl Server {
    pub fn start(self) -> anyhow::Result<Infallible> {
        std::thread::spawn(move || loop {
            heartbeat(&self.scheduler);
            std::thread::sleep(Duration::from_secs(30));
        });
        serve()
    }
}

pub async fn run_forever() -> ! {
    tokio::spawn(async {
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
    loop {
        tokio::time::sleep(Duration::from_secs(60)).await;
    }
}

pub fn serve_until_error() -> Result<Infallible, std::io::Error> {
    tokio::spawn(async {
        loop {
            tokio::task::yield_now().await;
        }
    });
    Err(std::io::Error::other("stopped"))
}

fn heartbeat(_: &str) {}

fn serve() -> anyhow::Result<Infallible> {
    loop {}
}
