// A named argument of a macro is a label, not a mention: tracing's
// `info!(scratch = len, …)` field and `format!("{n}", n = count)` name
// their values, so a guard that logs the length it computed before keeps
// no large buffer alive (as the rule's help suggests).
use scopeguard::defer;
use tracing::info;

pub fn preview(name: &str) {
    let scratch = vec![0u8; 1 << 20];
    let len = scratch.len();
    defer! { info!(template = name, scratch = len, "preview finished"); }
    render(&scratch);
}

pub fn dotted_field(code: u16) {
    let body = [0u8; 64 * 1024];
    let size = body.len();
    defer! { info!(http.status = code, body.size = size, "sent"); }
    send(&body);
}

pub fn format_name(count: usize) {
    let buffer = vec![0u64; 1 << 16];
    let n = buffer.len();
    defer! { println!("{buffer} items", buffer = n + count); }
    fill(&buffer);
}
