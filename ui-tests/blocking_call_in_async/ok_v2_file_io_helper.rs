// v2 near-misses: file I/O through a sync helper is not reported by default
// (`helper_file_io = "ignore"`: a small config, key or certificate file is
// the common case), even where the async fn may run per request; and
// `to_socket_addrs` on an IP address written in the code, directly or
// through a helper: std parses it without a DNS lookup.
use std::io::Read;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, ToSocketAddrs};

fn read_config(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

fn load_pem(path: &str) -> Vec<u8> {
    let mut file = std::fs::File::open(path).unwrap();
    let mut out = Vec::new();
    file.read_to_end(&mut out).unwrap();
    out
}

fn save_state(path: &str, state: &[u8]) {
    std::fs::write(path, state).unwrap();
}

fn local_addr() -> Option<SocketAddr> {
    "127.0.0.1:8080".to_socket_addrs().ok()?.next()
}

fn any_addr(port: u16) -> Option<SocketAddr> {
    format!("0.0.0.0:{port}").to_socket_addrs().ok()?.next()
}

fn ipv6_addr(port: u16) -> Option<SocketAddr> {
    let addr = format!("[{}]:{}", "::1", port);
    addr.to_socket_addrs().ok()?.next()
}

fn loopback(port: u16) -> Option<SocketAddr> {
    (Ipv4Addr::LOCALHOST, port).to_socket_addrs().ok()?.next()
}

pub struct Server {
    key: Vec<u8>,
    config: String,
}

impl Server {
    // Awaited once by `serve`: start-up, not per-request work.
    async fn new(config_path: &str) -> Server {
        let config = read_config(config_path);
        let key = load_pem("/etc/app/key.pem");
        Server { key, config }
    }
}

// Its one caller awaits it once, on the caller's thread.
async fn persist_boot_marker() {
    save_state("/var/lib/app/booted", b"1");
}

pub async fn serve(path: &str) -> usize {
    let server = Server::new(path).await;
    persist_boot_marker().await;
    server.key.len() + server.config.len()
}

pub async fn handle_request(path: &str) -> usize {
    read_config(path).len() + load_pem("/etc/app/key.pem").len()
}

pub async fn addresses(port: u16) {
    let _ = (local_addr(), any_addr(port), ipv6_addr(port), loopback(port));
}

pub async fn resolve_literals(port: u16) {
    let _ = "10.0.0.1:53".to_socket_addrs();
    let _ = ("192.168.1.1", port).to_socket_addrs();
    let _ = (IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1)), port).to_socket_addrs();
    let fixed = "[::1]:443";
    let _ = fixed.to_socket_addrs();
    let _ = ToSocketAddrs::to_socket_addrs(&"127.0.0.1:0");
}
