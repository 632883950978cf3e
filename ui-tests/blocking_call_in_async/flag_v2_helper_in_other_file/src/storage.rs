pub fn load_record(table: &str, id: u64) -> Option<String> {
    std::fs::read_to_string(format!("/var/lib/app/{table}/{id}")).ok()
}
