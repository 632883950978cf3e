// `conn`'s type comes from another crate: its `client` field may be any
// struct's, but not one of `watch`'s, which this package cannot use.
pub async fn ping(url: &str) -> Result<(), reqwest::Error> {
    let conn = connector::open();
    conn.client.get(url).send().await?;
    Ok(())
}
