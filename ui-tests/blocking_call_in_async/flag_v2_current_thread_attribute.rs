// `#[tokio::main(flavor = "current_thread")]` makes the main thread the
// runtime's only worker: its blocking calls are reported as written, also
// when it spawns nothing (a sync fn that builds a current-thread runtime
// for one command is judged by its tasks instead).
use std::time::Duration;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let config = std::fs::read_to_string("sync.toml")?; //~ blocking_call_in_async
    upload(&config).await
}

async fn upload(config: &str) -> std::io::Result<()> {
    std::thread::sleep(Duration::from_millis(config.len() as u64)); //~ blocking_call_in_async
    Ok(())
}

pub struct Verifier;

impl Verifier {
    #[tokio::main(flavor = "current_thread")]
    pub async fn verify(&self) -> std::io::Result<()> {
        let index = std::fs::read("index.bin")?; //~ blocking_call_in_async
        check(&index).await
    }
}

async fn check(_index: &[u8]) -> std::io::Result<()> {
    Ok(())
}
