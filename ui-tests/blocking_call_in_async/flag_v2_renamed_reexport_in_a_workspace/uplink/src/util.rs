pub fn pause(d: std::time::Duration) {
    std::thread::sleep(d);
}
