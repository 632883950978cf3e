// reqwest async clients with no overall timeout.
use std::time::Duration;

use reqwest::Client;

pub struct Indexer {
    http: Client,
    base: String,
}

impl Indexer {
    pub fn new(base: String) -> Self {
        Indexer { http: Client::new(), base } //~ http_client_without_timeout
    }

    pub fn with_defaults(base: String) -> Self {
        Indexer { http: reqwest::Client::default(), base } //~ http_client_without_timeout
    }
}

/// `connect_timeout` alone does not bound a response that never finishes.
pub fn crawler_client() -> reqwest::Result<Client> {
    Client::builder() //~ http_client_without_timeout
        .user_agent("crawler/2.1")
        .connect_timeout(Duration::from_secs(5))
        .pool_max_idle_per_host(8)
        .build()
}

/// The builder goes through bindings in the same function.
pub fn proxied_client(proxy: Option<&str>) -> anyhow::Result<Client> {
    let mut builder = reqwest::Client::builder().gzip(true); //~ http_client_without_timeout
    if let Some(url) = proxy {
        builder = builder.proxy(reqwest::Proxy::all(url)?);
    }
    let builder = builder.https_only(true);
    Ok(builder.build()?)
}

pub async fn fetch_status(url: &str) -> reqwest::Result<u16> {
    let resp = reqwest::get(url).await?; //~ http_client_without_timeout
    Ok(resp.status().as_u16())
}

/// A builder made with `Default`.
pub fn default_builder() -> reqwest::Result<Client> {
    reqwest::ClientBuilder::default().user_agent("svc/1.0").build() //~ http_client_without_timeout
}

// The fallback of a builder without a timeout is no better.
pub fn untimed_or_fallback() -> reqwest::Client {
    reqwest::Client::builder() //~ http_client_without_timeout
        .user_agent("x")
        .build()
        .unwrap_or_else(|_| reqwest::Client::new()) //~ http_client_without_timeout
}
