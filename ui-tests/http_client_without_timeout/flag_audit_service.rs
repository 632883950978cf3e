// Audit: service code written from the spec text (flag cases).
use reqwest::Client;
use std::time::Duration;

pub fn new_client() -> Client {
    Client::new() //~ http_client_without_timeout
}

pub fn builder_no_timeout() -> reqwest::Result<Client> {
    Client::builder() //~ http_client_without_timeout
        .user_agent("svc/1.0")
        .connect_timeout(Duration::from_secs(3))
        .build()
}

pub fn client_builder_new() -> Client {
    reqwest::ClientBuilder::new().pool_max_idle_per_host(4).build().unwrap() //~ http_client_without_timeout
}

pub async fn fetch(url: &str) -> reqwest::Result<String> {
    reqwest::get(url).await?.text().await //~ http_client_without_timeout
}

pub fn ureq_agent() -> ureq::Agent {
    ureq::agent() //~ http_client_without_timeout
}

pub fn ureq_get(url: &str) -> Result<String, Box<dyn std::error::Error>> {
    Ok(ureq::get(url).call()?.into_string()?) //~ http_client_without_timeout
}

pub struct Api { http: Client }

impl Api {
    pub fn new() -> Self {
        Self { http: Client::new() } //~ http_client_without_timeout
    }
}
