pub fn remove_version(name: &str) {
    std::fs::remove_dir_all(name).unwrap();
}
