// Whole-input reads: the result of fs::read / read_to_string and buffers
// filled by read_to_end / read_to_string.
use std::fs;
use std::io::Read;
use scopeguard::defer;
use tokio::io::AsyncReadExt;

pub fn load_config(path: &str, audit: &Audit) -> Result<Config, Error> {
    let text = fs::read_to_string(path)?;
    defer! { //~ defer_captures_large_value
        audit.loaded(path, text.len());
    }
    parse(&text)
}

pub fn load_image(path: &str, audit: &Audit) -> Vec<u8> {
    let raw = std::fs::read(path).expect("image");
    let _g = scopeguard::guard((), |_| audit.image(raw.len())); //~ defer_captures_large_value
    decode(&raw)
}

pub async fn load_async(path: &str, audit: &Audit) -> std::io::Result<()> {
    let data = tokio::fs::read(path).await?;
    defer! { audit.bytes(data.len()); } //~ defer_captures_large_value
    upload(&data).await
}

pub fn load_weights(path: &str, audit: &Audit) -> anyhow::Result<()> {
    let weights = std::fs::read(path).context("reading weights")?;
    defer! { audit.bytes(weights.len()); } //~ defer_captures_large_value
    Ok(())
}

pub async fn load_index(path: &str, audit: &Audit) -> anyhow::Result<()> {
    let index = tokio::fs::read_to_string(path)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    defer! { audit.text(index.len()); } //~ defer_captures_large_value
    Ok(())
}

pub fn slurp(mut file: fs::File, audit: &Audit) -> std::io::Result<()> {
    let mut contents = Vec::new();
    file.read_to_end(&mut contents)?;
    defer! { audit.bytes(contents.len()); } //~ defer_captures_large_value
    process(&contents);
    Ok(())
}

pub async fn slurp_socket(mut sock: tokio::net::TcpStream, audit: &Audit) -> std::io::Result<()> {
    let mut body = String::with_capacity(128);
    sock.read_to_string(&mut body).await?;
    defer! { audit.text(body.len()); } //~ defer_captures_large_value
    handle(&body).await
}

pub fn load_or_skip(path: &str, audit: &Audit) -> Option<usize> {
    let Ok(bytes) = fs::read(path) else {
        return None;
    };
    defer! { audit.bytes(bytes.len()); } //~ defer_captures_large_value
    Some(bytes.len())
}

// Not flagged: the guard sees the length, a number, not the bytes.
pub fn load_len_or_skip(path: &str, audit: &Audit) -> Option<usize> {
    let Some(len) = fs::read(path).ok().map(|b| b.len()) else {
        return None;
    };
    defer! { audit.bytes(len); }
    Some(len)
}

// A `match` whose one value-yielding arm is the read's `Ok` payload keeps
// the bytes; the error arm leaves.
pub fn replay(path: &str, audit: &Audit) -> usize {
    let dump = match std::fs::read(path) {
        Ok(d) => d,
        Err(_) => return 0,
    };
    defer! { audit.bytes(dump.len()); } //~ defer_captures_large_value
    dump.len()
}
