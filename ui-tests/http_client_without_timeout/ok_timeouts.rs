// Clients and requests that are bounded.
use std::time::Duration;

use reqwest::Client;

pub fn api_client(token: &str) -> reqwest::Result<Client> {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-token", token.parse().unwrap());
    Client::builder()
        .default_headers(headers)
        .connect_timeout(Duration::from_secs(3))
        .timeout(Duration::from_secs(30))
        .build()
}

pub fn configured(timeout: Option<Duration>) -> reqwest::Result<Client> {
    let mut builder = reqwest::ClientBuilder::new().user_agent("svc/1.0");
    if let Some(t) = timeout {
        builder = builder.timeout(t);
    }
    builder.build()
}

pub fn bound_then_built() -> reqwest::Result<Client> {
    let builder = Client::builder().timeout(Duration::from_secs(10));
    let builder = builder.pool_idle_timeout(Duration::from_secs(90));
    builder.build()
}

/// `reqwest::get` raced by `tokio::time::timeout` is bounded.
pub async fn health(url: &str) -> bool {
    match tokio::time::timeout(Duration::from_secs(2), reqwest::get(url)).await {
        Ok(Ok(resp)) => resp.status().is_success(),
        _ => false,
    }
}

pub fn ureq_with_timeout(url: &str) -> Result<String, ureq::Error> {
    Ok(ureq::get(url).timeout(Duration::from_secs(5)).call()?.into_string()?)
}

pub fn ureq_bound_request(url: &str) -> Result<(), ureq::Error> {
    let mut req = ureq::post(url);
    req = req.timeout(Duration::from_secs(5));
    req.send_string("ping")?;
    Ok(())
}

pub fn ureq3_global_timeout(url: &str) -> Result<(), ureq::Error> {
    ureq::get(url)
        .config()
        .timeout_global(Some(Duration::from_secs(5)))
        .build()
        .call()?;
    Ok(())
}

// A request inside `matches!` with a guard is seen, and it is timed.
pub async fn is_healthy(url: &str) -> bool {
    let client = reqwest::Client::new();
    matches!(
        client.get(url).timeout(Duration::from_secs(2)).send().await,
        Ok(r) if r.status().is_success()
    )
}

pub fn default_builder_with_timeout() -> reqwest::Result<reqwest::Client> {
    reqwest::ClientBuilder::default()
        .timeout(std::time::Duration::from_secs(10))
        .build()
}

// `Client::new()` only as the fallback of a builder that sets a timeout:
// `build()` fails only when the TLS backend cannot start, and then
// `Client::new()` panics too.
pub fn timed_or_fallback(timeout: std::time::Duration) -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(timeout)
        .build()
        .unwrap_or_else(|_| reqwest::Client::new())
}

pub fn timed_or_fallback_in_block(timeout: std::time::Duration) -> reqwest::Client {
    reqwest::Client::builder()
        .read_timeout(timeout)
        .build()
        .unwrap_or_else(|e| {
            eprintln!("{e}");
            reqwest::Client::new()
        })
}
