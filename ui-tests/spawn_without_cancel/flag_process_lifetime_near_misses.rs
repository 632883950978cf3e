// The same workers as in a `main`, started where they can run more than once.
use std::time::Duration;

pub struct StatsReporter;

impl StatsReporter {
    // A constructor: the reporter can be dropped and created again, the task stays.
    pub fn start(state: AppState) -> StatsReporter {
        tokio::spawn(async move { //~ spawn_without_cancel
            loop {
                state.report().await;
                tokio::time::sleep(Duration::from_secs(60)).await;
            }
        });
        StatsReporter
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let config = Config::load()?;
    loop {
        // Spawned on every reconnect: one more endless keepalive task each time.
        let conn = Connection::connect(&config.upstream).await?;
        let keepalive = conn.clone();
        tokio::spawn(async move { //~ spawn_without_cancel
            loop {
                keepalive.send_keepalive().await;
                tokio::time::sleep(Duration::from_secs(30)).await;
            }
        });
        conn.run_until_closed().await;
    }
}

pub struct Session {
    keepalive: std::sync::OnceLock<()>,
}

impl Session {
    // A cell owned by a session, not a static: one task per session.
    pub fn ensure_keepalive(&self, conn: Connection) {
        self.keepalive.get_or_init(|| {
            tokio::spawn(async move { //~ spawn_without_cancel
                loop {
                    conn.send_keepalive().await;
                    tokio::time::sleep(Duration::from_secs(30)).await;
                }
            });
        });
    }
}


pub mod gateway {
    use std::time::Duration;

    use futures::StreamExt;
    use tokio_stream::wrappers::TcpListenerStream;

    #[actix_web::main]
    async fn main() -> std::io::Result<()> {
        let listener = tokio::net::TcpListener::bind("0.0.0.0:7000").await?;
        // `for_each` runs its closure for every connection: one endless task each.
        TcpListenerStream::new(listener)
            .for_each(|socket| async move {
                let Ok(socket) = socket else { return };
                let conn = super::Connection::new(socket);
                tokio::spawn(async move { //~ spawn_without_cancel
                    loop {
                        conn.send_keepalive().await;
                        tokio::time::sleep(Duration::from_secs(30)).await;
                    }
                });
            })
            .await;
        Ok(())
    }
}

pub mod pool {
    // A `for` with no known end starts a task per turn for as long as it runs.
    #[tokio::main]
    async fn main() {
        let config = super::Config::load().unwrap();
        for n in 0.. {
            let queue = config.queue.clone();
            tokio::spawn(async move { //~ spawn_without_cancel
                loop {
                    queue.process(n).await;
                }
            });
        }
    }

    #[tokio::main]
    async fn serve(listener: std::net::TcpListener) {
        for conn in listener.incoming() {
            tokio::spawn(async move { //~ spawn_without_cancel
                loop {
                    super::pump(&conn).await;
                }
            });
        }
    }
}

pub mod shards {
    // A fn called on every turn of a `for` in `main` runs once per turn, so
    // the chain from `main` is not "once": its task is reported, even over a
    // range (a `for` that spawns directly is a pool started once).
    #[tokio::main]
    async fn main() {
        for shard in 0..4 {
            start_shard(shard);
        }
    }

    fn start_shard(shard: u32) {
        tokio::spawn(async move { //~ spawn_without_cancel
            loop {
                super::pump(&shard).await;
            }
        });
    }
}
