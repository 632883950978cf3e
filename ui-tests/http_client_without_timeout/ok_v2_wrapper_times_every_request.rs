// An API client that keeps its reqwest client in a field and sends every
// request through `prepare`, which sets the timeout: no request made with
// the stored client can hang.
use std::time::Duration;

use reqwest::{Client, Method, RequestBuilder, Url};

pub struct AdminClient {
    inner: Client,
    base_url: Url,
    request_timeout: Duration,
}

// Another struct of the file with a field of the same name: its uses are
// its own.
pub struct Envelope {
    inner: reqwest::Response,
}

impl Envelope {
    pub fn status(&self) -> reqwest::StatusCode {
        self.inner.status()
    }
}

impl AdminClient {
    pub async fn new(base_url: Url, unix_socket: Option<std::path::PathBuf>) -> anyhow::Result<Self> {
        let builder = reqwest::Client::builder().connect_timeout(Duration::from_secs(5));
        let (raw_client, base_url) = match unix_socket {
            Some(path) => {
                let client = builder.unix_socket(path).build()?;
                (client, "http://localhost/".parse()?)
            }
            None => (builder.build()?, base_url),
        };
        Ok(Self {
            inner: raw_client,
            base_url,
            request_timeout: Duration::from_secs(30),
        })
    }

    fn prepare(&self, method: Method, path: &str) -> RequestBuilder {
        self.inner
            .request(method, self.base_url.join(path).unwrap())
            .timeout(self.request_timeout)
    }

    pub async fn health(&self) -> reqwest::Result<Envelope> {
        let inner = self.prepare(Method::GET, "/health").send().await?;
        Ok(Envelope { inner })
    }

    pub async fn version(&self) -> reqwest::Result<String> {
        self.inner
            .get(self.base_url.join("/version").unwrap())
            .timeout(self.request_timeout)
            .send()
            .await?
            .text()
            .await
    }
}
