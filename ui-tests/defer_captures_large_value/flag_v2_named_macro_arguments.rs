// The value of a named macro argument is a mention: a tracing field whose
// value reads the buffer keeps it alive until the guard runs.
use scopeguard::defer;
use tracing::info;

pub fn preview(name: &str) {
    let scratch = vec![0u8; 1 << 20];
    defer! { info!(template = name, size = scratch.len(), "preview finished"); } //~ defer_captures_large_value
    render(&scratch);
}
