// API clients that keep their reqwest client in a field, each with a way
// out of the timeouts.
use std::time::Duration;

use reqwest::{Client, Method, RequestBuilder};

// One request skips `prepare`.
pub struct Registry {
    http: Client,
}

impl Registry {
    pub fn new() -> Self {
        Self {
            http: reqwest::Client::builder().build().unwrap(), //~ http_client_without_timeout
        }
    }

    fn prepare(&self, method: Method, url: &str) -> RequestBuilder {
        self.http.request(method, url).timeout(Duration::from_secs(10))
    }

    pub async fn index(&self) -> reqwest::Result<String> {
        self.prepare(Method::GET, "/index").send().await?.text().await
    }

    pub async fn download(&self, url: &str) -> reqwest::Result<bytes::Bytes> {
        self.http.get(url).send().await?.bytes().await
    }
}

// The client is handed out: its users' requests are not seen here.
pub struct Hub {
    http: Client,
}

impl Hub {
    pub fn new() -> Self {
        let http = reqwest::Client::new(); //~ http_client_without_timeout
        Self { http }
    }

    fn prepare(&self, url: &str) -> RequestBuilder {
        self.http.get(url).timeout(Duration::from_secs(10))
    }

    pub fn client(&self) -> Client {
        self.http.clone()
    }
}

// Two clients. Not flagged: the literal says the new client is `primary`,
// and the one read of `primary` sets a timeout on its request.
pub struct Mirror {
    primary: Client,
    fallback: reqwest::Client,
}

impl Mirror {
    pub fn new() -> Self {
        Self {
            primary: reqwest::Client::new(),
            fallback: reqwest::Client::builder().timeout(Duration::from_secs(5)).build().unwrap(),
        }
    }

    pub async fn fetch(&self, url: &str) -> reqwest::Result<reqwest::Response> {
        self.primary.get(url).timeout(Duration::from_secs(10)).send().await
    }
}

// A request made right where the client is built has no timeout.
pub struct Probe {
    http: Client,
}

impl Probe {
    pub async fn new(url: &str) -> reqwest::Result<Self> {
        let http = reqwest::Client::new(); //~ http_client_without_timeout
        http.get(url).send().await?;
        Ok(Self { http })
    }

    fn prepare(&self, url: &str) -> RequestBuilder {
        self.http.get(url).timeout(Duration::from_secs(10))
    }
}
