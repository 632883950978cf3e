pub fn remove_all(dir: &str) {
    std::fs::remove_dir_all(dir).unwrap();
}
