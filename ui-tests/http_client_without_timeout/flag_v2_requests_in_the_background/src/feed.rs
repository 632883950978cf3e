pub async fn poll() -> anyhow::Result<()> {
    let body = reqwest::get("http://example.com/feed").await?.text().await?;
    println!("{body}");
    Ok(())
}

pub async fn refresh() -> anyhow::Result<()> {
    let client = reqwest::Client::new();
    client.get("http://example.com/refresh").send().await?;
    Ok(())
}

pub async fn on_demand() -> anyhow::Result<()> {
    reqwest::Client::new().get("http://example.com/now").send().await?;
    Ok(())
}
