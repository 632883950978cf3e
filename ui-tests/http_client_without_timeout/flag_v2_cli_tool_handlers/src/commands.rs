use std::time::Duration;

// Once per command, as far as the user can tell: reported too.
pub async fn status() -> anyhow::Result<()> {
    let client = reqwest::Client::new(); //~ http_client_without_timeout
    let body = client.get("https://api.acme.dev/status").send().await?.text().await?;
    println!("{body}");
    Ok(())
}

// Polls until interrupted: a stalled request stops the updates.
pub async fn watch() -> anyhow::Result<()> {
    let client = reqwest::Client::new(); //~ http_client_without_timeout
    loop {
        let body = client.get("https://api.acme.dev/events").send().await?.text().await?;
        println!("{body}");
        tokio::time::sleep(Duration::from_secs(5)).await;
    }
}

// A background task of the tool: a stall there goes unseen.
pub async fn sync() -> anyhow::Result<()> {
    let uploader = tokio::spawn(async {
        let client = reqwest::Client::new(); //~ http_client_without_timeout
        client.post("https://api.acme.dev/upload").send().await
    });
    uploader.await??;
    Ok(())
}
