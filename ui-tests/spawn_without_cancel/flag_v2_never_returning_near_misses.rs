// Near misses of a never-returning fn: one that returns a value, one whose
// `Result` can be `Ok`, and a never-returning fn that spawns on every turn
// of its loop.
use std::convert::Infallible;
use std::time::Duration;

pub fn start() -> anyhow::Result<()> {
    std::thread::spawn(|| loop { //~ spawn_without_cancel
        std::thread::sleep(Duration::from_secs(30));
    });
    Ok(())
}

pub fn start_with(value: u8) -> Result<u8, Infallible> {
    tokio::spawn(async { //~ spawn_without_cancel
        loop {
            tokio::task::yield_now().await;
        }
    });
    Ok(value)
}

pub async fn accept_forever() -> ! {
    loop {
        tokio::spawn(async { //~ spawn_without_cancel
            loop {
                tokio::task::yield_now().await;
            }
        });
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}
