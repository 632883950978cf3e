// Clients bounded by `read_timeout`, or by a timeout on every request made
// from a client that never leaves its function.
use std::path::Path;
use std::time::Duration;

use anyhow::Context as _;
use futures_util::StreamExt;
use reqwest::header::{HeaderMap, HeaderValue, USER_AGENT};
use reqwest::{Client, ClientBuilder};
use tokio::io::AsyncWriteExt;

/// Artifact downloads can take an hour: a total timeout would cut them, a
/// read timeout notices a stalled mirror.
pub fn artifact_client() -> reqwest::Result<Client> {
    let mut headers = HeaderMap::new();
    headers.insert(USER_AGENT, HeaderValue::from_static("fetcher/3.2"));
    ClientBuilder::new()
        .default_headers(headers)
        .connect_timeout(Duration::from_secs(10))
        .read_timeout(Duration::from_secs(30))
        .build()
}

pub async fn download(client: &Client, url: &str, dest: &Path) -> anyhow::Result<u64> {
    let mut file = tokio::fs::File::create(dest).await?;
    let mut body = client.get(url).send().await?.error_for_status()?.bytes_stream();
    let mut written = 0;
    while let Some(chunk) = body.next().await {
        let chunk = chunk?;
        file.write_all(&chunk).await?;
        written += chunk.len() as u64;
    }
    file.flush().await?;
    Ok(written)
}

/// The read timeout set through a binding, in a branch.
pub fn mirror_client(slow_mirrors: bool) -> reqwest::Result<Client> {
    let mut builder = Client::builder().gzip(true);
    if slow_mirrors {
        builder = builder.read_timeout(Duration::from_secs(120));
    } else {
        builder = builder.read_timeout(Duration::from_secs(15));
    }
    builder.build()
}

#[derive(serde::Serialize)]
struct Heartbeat<'a> {
    node: &'a str,
    load: f32,
}

/// A one-off client whose every request carries its own timeout.
pub async fn report_health(registry: &str, node: &str, load: f32) -> anyhow::Result<bool> {
    let client = Client::builder().user_agent("node-agent/1.4").build()?;
    let beat = Heartbeat { node, load };
    let resp = client
        .post(format!("{registry}/heartbeat"))
        .json(&beat)
        .timeout(Duration::from_secs(5))
        .send()
        .await?;
    if !resp.status().is_success() {
        return Ok(false);
    }
    let ready = client
        .get(format!("{registry}/nodes/{node}/ready"))
        .timeout(Duration::from_secs(5))
        .send()
        .await?
        .json::<bool>()
        .await?;
    Ok(ready)
}

/// Requests from closures and async blocks of the same function are in sight too.
pub async fn probe_all(urls: &[String]) -> Vec<bool> {
    let client = Client::new();
    let checks = urls.iter().map(|url| {
        let client = &client;
        async move {
            match client.head(url).timeout(Duration::from_secs(3)).send().await {
                Ok(resp) => resp.status().is_success(),
                Err(_) => false,
            }
        }
    });
    futures_util::future::join_all(checks).await
}

/// An unbound temporary used once, with a request timeout.
pub async fn fetch_token(auth_url: &str) -> reqwest::Result<String> {
    Client::new()
        .post(auth_url)
        .timeout(Duration::from_secs(10))
        .send()
        .await?
        .text()
        .await
}

/// A request sent inside `tokio::time::timeout` is bounded too.
pub async fn healthcheck(addr: &str) -> anyhow::Result<()> {
    let client = Client::builder()
        .danger_accept_invalid_certs(true)
        .use_rustls_tls()
        .build()?;
    let url = format!("https://{addr}/api/info");
    let response = tokio::time::timeout(Duration::from_secs(5), client.get(&url).send())
        .await
        .context("timed out")??;
    response.error_for_status()?;
    Ok(())
}

/// The request future is bound, then raced against a deadline: a stalled
/// server loses the race.
pub async fn upload_object(
    uri: &str,
    body: Vec<u8>,
    limit: Duration,
    cancel: &tokio_util::sync::CancellationToken,
) -> anyhow::Result<reqwest::Response> {
    let upload = Client::new().post(uri).body(body).send();
    tokio::select! {
        res = upload => Ok(res?),
        _ = tokio::time::sleep(limit) => anyhow::bail!("upload timed out"),
        _ = cancel.cancelled() => anyhow::bail!("cancelled"),
    }
}

/// The same through `timeout(…)`, after a rebinding of the future.
pub async fn head_object(uri: &str, limit: Duration) -> anyhow::Result<reqwest::StatusCode> {
    let head = Client::new().head(uri).send();
    let head = tokio::time::timeout(limit, head);
    Ok(head.await??.status())
}

/// A local client whose requests are sent raced against a deadline, one of
/// them written as the `select!` branch itself.
pub async fn sync_bucket(base: &str, limit: Duration) -> anyhow::Result<String> {
    let client = Client::builder().user_agent("bucket-sync/1.0").build()?;
    let listing = client.get(format!("{base}/list")).send();
    let listing = tokio::select! {
        r = listing => r?,
        _ = tokio::time::sleep(limit) => anyhow::bail!("listing timed out"),
    };
    let status = tokio::select! {
        r = client.get(format!("{base}/status")).send() => r?,
        _ = tokio::time::sleep(limit) => anyhow::bail!("status timed out"),
    };
    Ok(format!("{} {}", listing.text().await?, status.status()))
}
