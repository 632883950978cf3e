pub async fn probe(url: &str) -> reqwest::Result<reqwest::StatusCode> {
    let other = monitoring::connect(url);
    Ok(other.client.get(url).send().await?.status())
}
