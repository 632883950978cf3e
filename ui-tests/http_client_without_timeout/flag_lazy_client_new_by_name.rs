// `Client::new` handed by name to a lazy value or a cell runs there, as
// `Client::new()` in a closure would: the shared client has no timeout.
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

// Near-misses: a client built with a timeout, and another type's `new`.
static TIMED: Lazy<Client> = Lazy::new(|| {
    Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
});
static BUFFER: Lazy<Vec<u8>> = Lazy::new(Vec::new);
