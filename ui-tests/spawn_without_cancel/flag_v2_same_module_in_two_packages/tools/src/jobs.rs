pub fn warm_up(url: String) {
    tokio::spawn(crate::util::refresh_forever(url));
}
