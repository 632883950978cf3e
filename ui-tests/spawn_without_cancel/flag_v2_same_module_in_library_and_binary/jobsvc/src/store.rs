pub async fn open(path: &str) -> std::io::Result<String> {
    std::fs::read_to_string(path)
}
