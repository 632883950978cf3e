pub async fn status() -> &'static str {
    "up"
}

pub async fn ready() -> bool {
    true
}
