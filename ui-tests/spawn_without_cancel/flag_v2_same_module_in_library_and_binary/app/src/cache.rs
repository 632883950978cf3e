pub async fn load() -> Option<String> {
    None
}
