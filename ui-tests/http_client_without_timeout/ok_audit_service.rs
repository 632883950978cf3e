// Audit: service code written from the spec text (leaves-alone cases).
use reqwest::Client;
use std::time::Duration;

pub fn with_timeout() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client")
}

pub fn blocking() -> reqwest::blocking::Client {
    reqwest::blocking::Client::new()
}

pub fn blocking_get(url: &str) -> reqwest::Result<String> {
    reqwest::blocking::get(url)?.text()
}

pub fn from_elsewhere() -> Client {
    make_client()
}

fn make_client() -> Client {
    Client::builder().timeout(Duration::from_secs(5)).build().unwrap()
}

pub fn ureq_with_timeout() -> ureq::Agent {
    ureq::AgentBuilder::new().timeout(Duration::from_secs(5)).build()
}

pub async fn client_get(c: &Client, url: &str) -> reqwest::Result<String> {
    c.get(url).send().await?.text().await
}
