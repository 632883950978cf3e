pub fn pause() {
    crate::sys::sleep(std::time::Duration::from_secs(1));
}
