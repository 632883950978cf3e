use watch::blockprint::Feed;

pub async fn poll(feed: &Feed) -> Result<String, reqwest::Error> {
    feed.client.get(&feed.url).send().await?.text().await
}
