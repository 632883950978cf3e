use crate::util::guard;

pub fn with_defer() -> usize {
    let buf = vec![0u8; 1 << 16];
    defer! { log::debug!("{}", buf.len()); } //~ defer_captures_large_value
    1
}

pub fn with_guard(rows: &[u8]) -> usize {
    let staging = vec![0u8; 256 * 1024];
    let _g = guard((), |_| log::debug!("staging {}", staging.len())); //~ defer_captures_large_value
    rows.len()
}
