// Near-misses with `helper_file_io = "report"`: async code the crate only
// awaits as one step of other work (start-up, building a server).

fn read_key(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

pub struct Server {
    key: Vec<u8>,
}

impl Server {
    // Awaited once by `serve`.
    async fn new(key_path: &str) -> Server {
        Server { key: read_key(key_path) }
    }
}

// Its one caller awaits it once, on the caller's thread.
async fn persist_boot_marker() {
    std::fs::create_dir_all("/var/lib/app").ok();
    let _ = read_key("/var/lib/app/booted");
}

pub async fn serve(path: &str) -> usize {
    let server = Server::new(path).await;
    persist_boot_marker().await;
    server.key.len()
}
