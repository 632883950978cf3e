pub fn pause() -> tokio::time::Sleep {
    crate::sys::sleep(std::time::Duration::from_secs(1))
}
