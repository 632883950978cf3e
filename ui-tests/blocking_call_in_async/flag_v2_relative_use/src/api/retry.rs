pub fn backoff() {
    std::thread::sleep(std::time::Duration::from_millis(100));
}
