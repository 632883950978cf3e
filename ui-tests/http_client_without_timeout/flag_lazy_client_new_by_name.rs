// `Client::new` handed by name to a lazy value, a cell or a map's entry
// runs there, as `Client::new()` in a closure would: the client has no
// timeout.
use once_cell::sync::Lazy;
use reqwest::Client;
use std::sync::OnceLock;
use std::time::Duration;

static SHARED: Lazy<Client> = Lazy::new(Client::new); //~ http_client_without_timeout
static STD_SHARED: std::sync::LazyLock<reqwest::Client> =
    std::sync::LazyLock::new(reqwest::Client::new); //~ http_client_without_timeout
static IN_CLOSURE: Lazy<Client> = Lazy::new(|| Client::new()); //~ http_client_without_timeout

static CELL: OnceLock<Client> = OnceLock::new();

pub fn client() -> &'static Client {
    CELL.get_or_init(Client::new) //~ http_client_without_timeout
}

pub struct Tenants {
    clients: std::collections::HashMap<String, Client>,
    fallback: Option<Client>,
}

impl Tenants {
    pub fn client(&mut self, tenant: &str) -> &Client {
        self.clients
            .entry(tenant.to_owned())
            .or_insert_with(Client::new) //~ http_client_without_timeout
    }

    pub fn fallback(&mut self) -> &Client {
        self.fallback.get_or_insert_with(Client::new) //~ http_client_without_timeout
    }

    // Near-miss: a fn of the crate that sets a timeout, handed by name.
    pub fn timed(&mut self, tenant: &str) -> &Client {
        self.clients
            .entry(tenant.to_owned())
            .or_insert_with(timed_client)
    }
}

fn timed_client() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

// Near-misses: a client built with a timeout, and another type's `new`.
static TIMED: Lazy<Client> = Lazy::new(|| {
    Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
});
static BUFFER: Lazy<Vec<u8>> = Lazy::new(Vec::new);
