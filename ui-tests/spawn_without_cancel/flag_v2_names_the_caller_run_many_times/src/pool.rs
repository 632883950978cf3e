use std::time::Duration;

pub struct Pool {
    pub size: usize,
}

impl Pool {
    // Called per connection, two calls below the accept loop's task: each
    // connection detaches another reaper.
    pub fn connect() -> Pool {
        tokio::spawn(async move { //~ spawn_without_cancel
            loop {
                tokio::time::sleep(Duration::from_secs(30)).await;
                reap().await;
            }
        });
        Pool { size: 8 }
    }
}

pub struct Dialer;

impl Dialer {
    // Called in a retry loop.
    pub fn dial() -> Dialer {
        tokio::spawn(async move { //~ spawn_without_cancel
            loop {
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
        });
        Dialer
    }
}

async fn reap() {}
