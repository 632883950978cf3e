// A current-thread runtime built by a fn of the same file and returned:
// the thread blocking on it is still its only worker, and the task
// spawned there stalls with it. A helper that builds a multi-threaded
// runtime leaves the thread blocking on it the main thread.
use tokio::runtime::{Builder, Runtime};

fn runtime() -> std::io::Result<Runtime> {
    Builder::new_current_thread().enable_all().build()
}

fn pool() -> Runtime {
    Builder::new_multi_thread().enable_all().build().expect("runtime")
}

pub fn index(input: &str) -> std::io::Result<()> {
    runtime()?.block_on(async {
        tokio::spawn(spinner());
        let corpus = std::fs::read_to_string(input)?; //~ blocking_call_in_async
        build(corpus).await
    })
}

pub fn reindex(input: &str) -> std::io::Result<()> {
    pool().block_on(async {
        tokio::spawn(spinner());
        let corpus = std::fs::read_to_string(input)?;
        build(corpus).await
    })
}

async fn spinner() {}

async fn build(_corpus: String) -> std::io::Result<()> {
    Ok(())
}
