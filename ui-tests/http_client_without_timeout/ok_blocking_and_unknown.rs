// reqwest::blocking has a 30 s default; clients and builders made elsewhere
// are not judged.
use reqwest::blocking;
use reqwest::ClientBuilder;

pub fn blocking_client() -> blocking::Client {
    blocking::Client::new()
}

pub fn blocking_built() -> reqwest::Result<reqwest::blocking::Client> {
    reqwest::blocking::Client::builder().gzip(true).build()
}

pub fn blocking_get(url: &str) -> reqwest::Result<String> {
    reqwest::blocking::get(url)?.text()
}

fn base_builder() -> ClientBuilder {
    reqwest::Client::builder().timeout(std::time::Duration::from_secs(20))
}

pub fn from_helper() -> reqwest::Result<reqwest::Client> {
    base_builder().user_agent("svc").build()
}

pub fn from_parameter(builder: ClientBuilder) -> reqwest::Result<reqwest::Client> {
    builder.https_only(true).build()
}

pub fn reassigned_from_helper() -> reqwest::Result<reqwest::Client> {
    let mut builder = reqwest::Client::builder();
    builder = apply_defaults(builder);
    builder.build()
}

fn apply_defaults(b: ClientBuilder) -> ClientBuilder {
    b.timeout(std::time::Duration::from_secs(5))
}

/// A request returned to the caller, who sets the timeout.
pub fn request(url: &str) -> ureq::Request {
    ureq::get(url).set("Accept", "application/json")
}

/// Not reqwest: another crate's `Client::new()` and `get`.
pub fn other_clients() {
    let _db = redis::Client::open("redis://localhost").unwrap();
    let _s3 = aws_sdk_s3::Client::new(&config());
    let _map = std::collections::HashMap::<u8, u8>::new().get(&1);
}
