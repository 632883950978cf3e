// A `#[tokio::main]` fn that is not the crate's `main` (here a method) is a
// sync fn that builds a runtime and blocks on its body: the body runs on the
// thread that called it, as under `block_on`, not on a runtime worker.
use std::net::IpAddr;
use std::time::Duration;

pub struct RendezvousServer;

impl RendezvousServer {
    pub fn start(port: i32, key: &str) -> std::io::Result<()> {
        Self::start_with_bind(None, port, key)
    }

    #[tokio::main(flavor = "multi_thread")]
    pub async fn start_with_bind(bind: Option<IpAddr>, port: i32, key: &str) -> std::io::Result<()> {
        let sk = Self::get_server_sk(key);
        let config = std::fs::read_to_string("hbbs.toml")?;
        let listener = tokio::net::TcpListener::bind((bind.unwrap(), port as u16)).await?;
        serve(listener, sk, config).await
    }

    /// A sync helper that reads the key file: blocking, on the caller's thread.
    fn get_server_sk(key: &str) -> Vec<u8> {
        std::fs::read(key).unwrap_or_default()
    }
}

pub struct Relay;

impl Relay {
    #[tokio::main]
    pub async fn run(&self) {
        std::thread::sleep(Duration::from_millis(100));
        relay().await;
    }

    #[actix_rt::main]
    pub async fn admin(&self) {
        let _ = std::fs::remove_file("admin.sock");
    }

    #[async_std::main]
    pub async fn legacy(&self) {
        let _ = std::fs::read("legacy.db");
    }
}

async fn serve(_l: tokio::net::TcpListener, _sk: Vec<u8>, _c: String) -> std::io::Result<()> {
    Ok(())
}

async fn relay() {}
