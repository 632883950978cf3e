// v2 near-misses: file I/O through a sync helper is not reported (a small
// config or key file is the common case), nor is `to_socket_addrs` on an IP
// address written in the code, directly or through a helper: std parses it
// without a DNS lookup.
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

fn settings() -> String {
    read_config("/etc/app.toml")
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

pub struct Store {
    root: String,
}

impl Store {
    fn load(&self, key: &str) -> Vec<u8> {
        std::fs::read(format!("{}/{key}", self.root)).unwrap_or_default()
    }

    pub async fn get(&self, key: &str) -> Vec<u8> {
        self.load(key)
    }
}

pub async fn handle_request(port: u16) -> String {
    let config = read_config("/etc/app.toml");
    let _ = load_pem("/etc/app/key.pem");
    save_state("/var/lib/app/state", b"ok");
    let _ = (local_addr(), any_addr(port), ipv6_addr(port), loopback(port));
    config + &settings()
}

pub async fn resolve_literals(port: u16) {
    let _ = "10.0.0.1:53".to_socket_addrs();
    let _ = ("192.168.1.1", port).to_socket_addrs();
    let _ = (IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1)), port).to_socket_addrs();
    let fixed = "[::1]:443";
    let _ = fixed.to_socket_addrs();
    let _ = ToSocketAddrs::to_socket_addrs(&"127.0.0.1:0");
}
