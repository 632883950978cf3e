pub fn start_refresh(url: String) {
    tokio::spawn(crate::util::refresh_forever(url)); //~ spawn_without_cancel
}
