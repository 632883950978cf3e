// An independent reader's scenarios from RULES.md: defer constructs whose
// closure or body mentions a local binding of at least 4096 bytes.
use bytes::BytesMut;
use scopeguard::defer;
use scopeguard::defer as on_exit;
use scopeguard::guard;
use std::fs;
use std::io::Read;

const KB: usize = 1024;
const PAGE: usize = 4 * KB;
const BUF_SIZE: usize = 64 * 1024;

pub fn checksum_block() {
    let mut buf = [0u8; 8192];
    defer! { //~ defer_captures_large_value
        tracing::debug!("processed {} bytes", buf.len());
    }
    fill(&mut buf);
}

pub fn exact_threshold() {
    let table = [0u32; 1024];
    defer!(log(table.len())); //~ defer_captures_large_value
    use_table(&table);
}

pub fn const_sizes() {
    let page = [0u8; PAGE];
    let buffer = vec![0u8; BUF_SIZE];
    on_exit! { log(page.len() + buffer.len()); } //~ defer_captures_large_value
}

pub fn unsuffixed() {
    let counts = vec![0; 1024];
    let weights = [0.0; 512];
    defer! { log(counts.len() + weights.len()); } //~ defer_captures_large_value
}

pub fn guard_closure(conn: Conn) {
    let scratch = Vec::with_capacity(1 << 20);
    let _g = guard(conn, |c| { //~ defer_captures_large_value
        c.release();
        log(scratch.len());
    });
    use_it(&scratch);
}

pub fn guard_with_large_own_value() {
    let mine = vec![0u8; 5000];
    let other = vec![0u8; 5000];
    let _g = guard(mine, |m| log(m.len() + other.len())); //~ defer_captures_large_value
}

pub fn typed_binding() {
    let table: [u64; 1024] = [0; 1024];
    let _g = scopeguard::guard_on_unwind((), move |_| { //~ defer_captures_large_value
        let _ = table[0];
    });
    work();
}

pub fn capacities() {
    let mut out = String::with_capacity(16 * KB);
    let frame = BytesMut::with_capacity(8 * KB);
    let boxed = Box::new([0u8; 65536]);
    let _g = scopeguard::guard_on_success((), |_| log(out.len() + frame.len() + boxed.len())); //~ defer_captures_large_value
    out.push('x');
}

pub fn whole_file(path: &str) -> std::io::Result<()> {
    let text = fs::read_to_string(path)?;
    defer! { log(text.len()); } //~ defer_captures_large_value
    parse(&text);
    Ok(())
}

pub fn whole_stream(mut file: fs::File) -> std::io::Result<()> {
    let mut raw = Vec::new();
    file.read_to_end(&mut raw)?;
    let _cleanup = guard((), |_| log(raw.len())); //~ defer_captures_large_value
    Ok(())
}

pub async fn whole_async(path: &str) -> std::io::Result<()> {
    let bytes = tokio::fs::read(path).await?;
    defer! { log(bytes.len()); } //~ defer_captures_large_value
    Ok(())
}

pub fn other_crates() {
    let floats = [0.0f64; 600];
    defer_lite::defer! { log(floats.len()); } //~ defer_captures_large_value
}

pub fn configured_guard() {
    let big = vec![0u8; 10_000];
    let _d = OnDrop::new(|| log(big.len())); //~ defer_captures_large_value
    use_it(&big);
}
