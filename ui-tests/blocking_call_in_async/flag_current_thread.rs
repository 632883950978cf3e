// On a current-thread runtime the main thread is the only worker: blocking
// `main` blocks every task.
use std::time::Duration;

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    tokio::spawn(heartbeat());
    let text = std::fs::read_to_string("relay.toml")?; //~ blocking_call_in_async
    std::thread::sleep(Duration::from_secs(1)); //~ blocking_call_in_async
    serve(&text).await
}

pub fn run_embedded() -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        tokio::spawn(heartbeat());
        let state = std::fs::read("state.bin")?; //~ blocking_call_in_async
        restore(state).await
    })
}

pub struct Agent;

impl Agent {
    // A `#[tokio::main]` method on a current-thread runtime: its caller's
    // thread is the runtime's only worker.
    #[tokio::main(flavor = "current_thread")]
    pub async fn run(&self) -> anyhow::Result<()> {
        tokio::spawn(heartbeat());
        let state = std::fs::read("agent.bin")?; //~ blocking_call_in_async
        restore(state).await
    }
}
