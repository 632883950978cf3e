// `to_socket_addrs` on a value that is a socket address already, or on an
// `(ip, port)` pair, asks no resolver: std hands the address back. Only a
// host name goes to DNS.
use std::net::{IpAddr, Ipv4Addr, SocketAddr, SocketAddrV4, ToSocketAddrs};

pub struct Peer {
    addr: SocketAddr,
    ip: IpAddr,
    host: String,
}

/// Near miss: a parameter typed `SocketAddr`.
pub async fn normalize(addr: SocketAddr) -> Vec<SocketAddr> {
    addr.to_socket_addrs().map(|i| i.collect()).unwrap_or_default()
}

/// Near miss: an `(IpAddr, u16)` pair, and a `SocketAddrV4` made in place.
pub async fn from_ip(ip: IpAddr, port: u16) -> Option<SocketAddr> {
    let v4 = SocketAddrV4::new(Ipv4Addr::LOCALHOST, port).to_socket_addrs().ok()?.next();
    (ip, port).to_socket_addrs().ok()?.next().or(v4)
}

impl Peer {
    /// Near miss: fields typed `SocketAddr` and `IpAddr`.
    pub async fn addresses(&self, port: u16) -> Vec<SocketAddr> {
        let mut found: Vec<SocketAddr> = self.addr.to_socket_addrs().into_iter().flatten().collect();
        found.extend((self.ip, port).to_socket_addrs().into_iter().flatten());
        found
    }

    /// A host name is looked up.
    pub async fn resolve(&self, port: u16) -> Vec<SocketAddr> {
        (self.host.as_str(), port) //~ blocking_call_in_async
            .to_socket_addrs()
            .into_iter()
            .flatten()
            .collect()
    }
}
