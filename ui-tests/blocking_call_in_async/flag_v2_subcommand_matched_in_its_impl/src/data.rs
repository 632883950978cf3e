pub fn delete_data_dir() {
    std::fs::remove_dir_all("/var/lib/clustertool").unwrap();
}
