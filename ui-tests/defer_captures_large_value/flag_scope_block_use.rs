// A `use` in a fn body counts in that body only.
pub fn other() {
    use defer::defer;
    let _g = defer(|| ());
}

pub fn flagged() {
    let buf = [0u8; 4096];
    // The defer crate's `defer`, whatever `other` imports.
    let _g = defer::defer(|| println!("{}", buf.len())); //~ defer_captures_large_value
}

pub fn near_miss() {
    // `defer` here is a fn of this block, not the defer crate's.
    fn defer<F: FnOnce()>(f: F) -> F {
        f
    }
    let buf = [0u8; 4096];
    let _g = defer(|| println!("{}", buf.len()));
}
