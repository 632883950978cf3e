// Streaming clients bounded only while connecting, and local clients whose
// per-request timeouts do not cover every request.
use std::time::Duration;

use futures_util::StreamExt;
use reqwest::Client;
use tokio::io::AsyncWriteExt;

/// `connect_timeout` alone: a mirror that stops sending mid-body holds the
/// download forever.
pub async fn download_release(url: &str, dest: &std::path::Path) -> anyhow::Result<()> {
    let client = Client::builder() //~ http_client_without_timeout
        .user_agent("updater/0.9")
        .connect_timeout(Duration::from_secs(10))
        .build()?;
    let mut out = tokio::fs::File::create(dest).await?;
    let mut stream = client.get(url).send().await?.error_for_status()?.bytes_stream();
    while let Some(chunk) = stream.next().await {
        out.write_all(&chunk?).await?;
    }
    Ok(())
}

pub struct Registry {
    http: Client,
    base: String,
}

impl Registry {
    /// The per-request timeout covers the probe, but the client is stored:
    /// every later request made through `self.http` is unbounded.
    pub async fn connect(base: String) -> anyhow::Result<Registry> {
        let http = Client::builder().user_agent("registry-client/2.0").build()?; //~ http_client_without_timeout
        http.get(format!("{base}/v2/"))
            .timeout(Duration::from_secs(5))
            .send()
            .await?
            .error_for_status()?;
        Ok(Registry { http, base })
    }

    pub async fn manifest(&self, name: &str, tag: &str) -> reqwest::Result<String> {
        self.http
            .get(format!("{}/v2/{name}/manifests/{tag}", self.base))
            .send()
            .await?
            .text()
            .await
    }
}

/// Returned to the caller after one bounded request.
pub async fn logged_in_client(login_url: &str, token: &str) -> anyhow::Result<Client> {
    let client = Client::new(); //~ http_client_without_timeout
    client
        .post(login_url)
        .bearer_auth(token)
        .timeout(Duration::from_secs(10))
        .send()
        .await?
        .error_for_status()?;
    Ok(client)
}

/// One of the two requests has no timeout of its own.
pub async fn sync_feed(feed_url: &str, ack_url: &str) -> anyhow::Result<usize> {
    let client = Client::builder().gzip(true).build()?; //~ http_client_without_timeout
    let items: Vec<String> = client
        .get(feed_url)
        .timeout(Duration::from_secs(15))
        .send()
        .await?
        .json()
        .await?;
    client.post(ack_url).json(&items.len()).send().await?;
    Ok(items.len())
}

/// A clone handed to another function, whose requests are out of sight.
pub async fn wait_until_up(url: String) -> reqwest::Result<bool> {
    let client = Client::new(); //~ http_client_without_timeout
    if client.head(&url).timeout(Duration::from_secs(2)).send().await.is_ok() {
        return Ok(true);
    }
    Ok(retry_health(client.clone(), &url).await)
}

async fn retry_health(client: Client, url: &str) -> bool {
    for _ in 0..5 {
        if client.get(url).send().await.is_ok() {
            return true;
        }
        tokio::time::sleep(Duration::from_secs(3)).await;
    }
    false
}

/// Raced only against cancellation: a stalled server holds the upload until
/// someone cancels it.
pub async fn upload_until_cancelled(
    uri: &str,
    body: Vec<u8>,
    cancel: &tokio_util::sync::CancellationToken,
) -> anyhow::Result<reqwest::Response> {
    let upload = Client::new().post(uri).body(body).send(); //~ http_client_without_timeout
    tokio::select! {
        res = upload => Ok(res?),
        _ = cancel.cancelled() => anyhow::bail!("cancelled"),
    }
}

/// The deadline is a sleep made before the race: where it came from is not
/// in sight of the branch, so the request counts as unbounded.
pub async fn fetch_with_shared_deadline(uri: &str, limit: Duration) -> anyhow::Result<String> {
    let deadline = tokio::time::sleep(limit);
    tokio::pin!(deadline);
    let fetch = Client::new().get(uri).send(); //~ http_client_without_timeout
    tokio::select! {
        res = fetch => Ok(res?.text().await?),
        _ = &mut deadline => anyhow::bail!("timed out"),
    }
}

/// One bounded request, one awaited as is.
pub async fn probe_then_fetch(base: &str, limit: Duration) -> anyhow::Result<String> {
    let client = Client::new(); //~ http_client_without_timeout
    let probe = client.get(format!("{base}/health")).send();
    tokio::time::timeout(limit, probe).await??;
    let page = client.get(format!("{base}/page")).send();
    Ok(page.await?.text().await?)
}

/// The deadline bounds the headers; the body streamed after it has none,
/// so a server that stalls mid-body holds the download forever.
pub async fn stream_object(
    uri: &str,
    limit: Duration,
) -> anyhow::Result<impl futures_util::Stream<Item = reqwest::Result<bytes::Bytes>>> {
    let get = Client::new().get(uri).send(); //~ http_client_without_timeout
    let resp = tokio::select! {
        r = get => r?,
        _ = tokio::time::sleep(limit) => anyhow::bail!("timed out"),
    };
    Ok(resp.bytes_stream())
}
