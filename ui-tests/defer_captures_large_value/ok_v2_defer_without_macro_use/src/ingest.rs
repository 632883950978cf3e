pub fn with_local_defer() -> usize {
    let buf = vec![0u8; 1 << 16];
    defer! { log::debug!("{}", buf.len()); }
    buf.len()
}
