// Requests built in steps: the request builder is bound to a local, and the
// timeout, when there is one, is set on that local before it is sent.
use std::time::Duration;

use reqwest::{Client, RequestBuilder};

pub struct Target {
    pub url: String,
    pub token: Option<String>,
}

/// Not flagged: the one request gets optional auth, then its own timeout.
pub async fn deliver(target: &Target, body: &str) -> reqwest::Result<u16> {
    let client = Client::new();
    let mut req = client.post(&target.url).body(body.to_string());
    if let Some(token) = &target.token {
        req = req.bearer_auth(token);
    }
    let resp = req.timeout(Duration::from_secs(10)).send().await?;
    Ok(resp.status().as_u16())
}

/// Not flagged: the caller's timeout, when given, bounds the request; the
/// code chose to allow none.
pub async fn probe(url: &str, timeout: Option<Duration>) -> reqwest::Result<u16> {
    let client = Client::builder().user_agent("probe/1").build()?;
    let mut builder = client.get(url);
    if let Some(timeout) = timeout {
        builder = builder.timeout(timeout);
    }
    Ok(builder.send().await?.status().as_u16())
}

/// Not flagged: the request is built with its own timeout, then executed.
pub async fn upload(url: &str, body: Vec<u8>) -> reqwest::Result<u16> {
    let client = Client::new();
    let request = client
        .put(url)
        .body(body)
        .timeout(Duration::from_secs(30))
        .build()?;
    Ok(client.execute(request).await?.status().as_u16())
}

/// Flagged: the bound request is sent as it is.
pub async fn ping(url: &str) -> reqwest::Result<u16> {
    let client = Client::new(); //~ http_client_without_timeout
    let req = client.get(url).header("x-ping", "1");
    Ok(req.send().await?.status().as_u16())
}

/// Flagged: the request leaves for a helper that may send it as it is.
pub async fn notify(url: &str) -> reqwest::Result<u16> {
    let client = Client::new(); //~ http_client_without_timeout
    let req = client.post(url);
    send_with_retry(req).await
}

/// Flagged: the request executed was built without a timeout.
pub async fn fetch(url: &str) -> reqwest::Result<u16> {
    let client = Client::new(); //~ http_client_without_timeout
    let request = client.get(url).build()?;
    Ok(client.execute(request).await?.status().as_u16())
}

/// Flagged: the timeout is set, then the local is replaced by a request
/// built elsewhere.
pub async fn replace(url: &str) -> reqwest::Result<u16> {
    let client = Client::new(); //~ http_client_without_timeout
    let mut req = client.get(url).timeout(Duration::from_secs(5));
    req = fallback(&client, url);
    Ok(req.send().await?.status().as_u16())
}

async fn send_with_retry(req: RequestBuilder) -> reqwest::Result<u16> {
    Ok(req.send().await?.status().as_u16())
}

fn fallback(client: &Client, url: &str) -> RequestBuilder {
    client.head(url)
}
