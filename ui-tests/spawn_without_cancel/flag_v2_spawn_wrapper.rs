// v2: a spawn wrapper (a fn of the crate that spawns its parameter and drops
// the JoinHandle) is a spawn call: the task body is the argument of its call.
use std::future::Future;
use std::time::Duration;

fn spawn_named<F>(name: &str, fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    let _ = name;
    tokio::spawn(fut);
}

pub fn start() {
    spawn_named("ticker", async move { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
    spawn_named("pump", async move { pump().await }); //~ spawn_without_cancel
}

async fn pump() {
    loop {
        tick().await;
    }
}
async fn tick() {}
