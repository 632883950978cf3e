pub struct Config {
    pub addr: String,
}

pub fn load(path: &str) -> std::io::Result<Config> {
    let raw = std::fs::read_to_string(path)?;
    Ok(Config { addr: raw.trim().to_string() })
}
