pub async fn list(server: &str) -> anyhow::Result<()> {
    let url = format!("http://{server}/api/v1/admin/peers");
    let peers = reqwest::get(&url).await?.text().await?; //~ http_client_without_timeout
    println!("{peers}");
    Ok(())
}

pub async fn add(server: &str, peers: Vec<String>) -> anyhow::Result<()> {
    let client = reqwest::Client::new(); //~ http_client_without_timeout
    for peer in peers {
        client
            .post(format!("http://{server}/api/v1/admin/peers"))
            .body(peer)
            .send()
            .await?
            .error_for_status()?;
    }
    Ok(())
}
