// scopeguard's `defer!` macro imported beside the `defer` crate: a macro's
// name names no module, so `defer::defer(…)` is still the crate's fn.
use scopeguard::defer;

pub fn both() {
    let buf = [0u8; 4096];
    let _g = defer::defer(|| println!("{}", buf.len())); //~ defer_captures_large_value
    defer! { println!("done"); }
}

pub fn near_miss() {
    let buf = [0u8; 4096];
    let len = buf.len();
    let _g = defer::defer(move || println!("{len}"));
}
