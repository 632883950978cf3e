// A client that reaches its local name through an `if`, a `match` on the
// builder's `Result`, or a `let … else` is that local's client: when it
// stays in the fn and every request sets its own timeout, it is left alone.
use std::time::Duration;

pub struct Tenant {
    pub callback: String,
    pub ca_pem: Option<Vec<u8>>,
}

pub async fn notify(t: &Tenant, body: String) -> reqwest::Result<()> {
    let client = if let Some(pem) = &t.ca_pem {
        reqwest::Client::builder()
            .add_root_certificate(reqwest::Certificate::from_pem(pem)?)
            .build()?
    } else {
        reqwest::Client::new()
    };
    client.post(&t.callback).body(body).timeout(Duration::from_secs(5)).send().await?;
    Ok(())
}

pub async fn probe_device(url: &str) -> String {
    let lan = match reqwest::Client::builder().danger_accept_invalid_certs(true).build() {
        Ok(c) => c,
        Err(_) => return String::new(),
    };
    match lan.get(url).timeout(Duration::from_secs(3)).send().await {
        Ok(resp) => resp.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

pub async fn ping(t: &Tenant) -> bool {
    let Ok(client) = reqwest::Client::builder().https_only(true).build() else {
        return false;
    };
    client.head(&t.callback).timeout(Duration::from_secs(2)).send().await.is_ok()
}

// One request without a timeout: every branch's client is reported.
pub async fn notify_twice(t: &Tenant, body: String) -> reqwest::Result<()> {
    let client = if t.ca_pem.is_some() {
        reqwest::Client::builder().https_only(true).build()? //~ http_client_without_timeout
    } else {
        reqwest::Client::new() //~ http_client_without_timeout
    };
    client.post(&t.callback).body(body.clone()).timeout(Duration::from_secs(5)).send().await?;
    client.post(&t.callback).body(body).send().await?;
    Ok(())
}

pub async fn probe_untimed(url: &str) -> String {
    let lan = match reqwest::Client::builder().build() { //~ http_client_without_timeout
        Ok(c) => c,
        Err(_) => return String::new(),
    };
    lan.get(url).send().await.map(|_| String::from("up")).unwrap_or_default()
}

// A `match` that makes another value from the client is not the client.
pub async fn wrapped(url: &str) -> Option<Api> {
    let api = match reqwest::Client::builder().build() { //~ http_client_without_timeout
        Ok(c) => Some(Api { inner: c }),
        Err(_) => None,
    };
    api
}

pub struct Api {
    pub inner: reqwest::Client,
}

pub async fn ping_escapes(t: &Tenant) -> Option<reqwest::Client> {
    let Ok(client) = reqwest::Client::builder().build() else { //~ http_client_without_timeout
        return None;
    };
    let _ = client.head(&t.callback).timeout(Duration::from_secs(2)).send().await;
    Some(client)
}
