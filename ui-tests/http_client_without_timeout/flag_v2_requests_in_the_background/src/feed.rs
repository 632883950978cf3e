pub async fn poll() -> anyhow::Result<()> {
    let body = reqwest::get("http://example.com/feed").await?.text().await?; //~ http_client_without_timeout
    println!("{body}");
    Ok(())
}

pub async fn refresh() -> anyhow::Result<()> {
    let client = reqwest::Client::new(); //~ http_client_without_timeout
    client.get("http://example.com/refresh").send().await?;
    Ok(())
}

pub async fn on_demand() -> anyhow::Result<()> {
    reqwest::Client::new().get("http://example.com/now").send().await?; //~ http_client_without_timeout
    Ok(())
}

pub async fn status() -> anyhow::Result<()> {
    reqwest::get("http://example.com/status").await?; //~ http_client_without_timeout
    Ok(())
}

pub async fn fetch() -> anyhow::Result<()> {
    reqwest::get("http://example.com/fetch").await?; //~ http_client_without_timeout
    Ok(())
}

// `status` is named as a value by its own module: a router may call it.
pub fn routes() -> Router {
    Router::new().route("/status", get(status))
}
