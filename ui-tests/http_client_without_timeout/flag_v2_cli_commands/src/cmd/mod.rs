pub mod peers;

/// A sync command blocking on its own runtime, called once from `main`.
pub fn export(rt: &tokio::runtime::Runtime) -> anyhow::Result<()> {
    let body = rt.block_on(async { reqwest::get("http://127.0.0.1:8989/api/v1/export").await?.text().await })?; //~ http_client_without_timeout
    println!("{body}");
    Ok(())
}
