pub fn load_record(table: &str, id: u64) -> Option<String> {
    let out = std::process::Command::new("sqlite3")
        .arg("/var/lib/app/records.db")
        .arg(format!("SELECT data FROM {table} WHERE id = {id}"))
        .output()
        .ok()?;
    String::from_utf8(out.stdout).ok()
}
