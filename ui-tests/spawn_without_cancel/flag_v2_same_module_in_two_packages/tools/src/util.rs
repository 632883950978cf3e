pub async fn refresh_forever(url: String) {
    for _ in 0..3 {
        tracing::debug!(url, "refresh");
    }
}
